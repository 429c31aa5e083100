package io.inviteflow.core.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Service-to-service API for batch-jobs' reminders and notices: invitations paged by invitation id (keyset paging
 * stays exact while answers arrive, and a restarted batch job resumes after the last id it handled).
 */
@RestController
class PendingInvitationsController {

    private static final UUID BEFORE_ALL = new UUID(0, 0);
    private final InvitationRepository repository;
    private final InvitationService invitations;
    private final List<NoticeNotes> notes;
    private final AnswerChances chances;

    PendingInvitationsController(InvitationRepository repository, InvitationService invitations,
                                 List<NoticeNotes> notes, AnswerChances chances) {
        this.repository = repository;
        this.invitations = invitations;
        this.notes = notes;
        this.chances = chances;
    }

    record Page(List<PendingInvitation> items, UUID next) {
    }

    record RecipientPage(List<NoticeRecipient> items, UUID next) {
    }

    /** Who to tell about a change of this event (batch-jobs' notices); {@code invitationId} narrows it to one guest. */
    @GetMapping("/api/v1/internal/events/{eventId}/notice-recipients")
    RecipientPage noticeRecipients(@PathVariable UUID eventId,
                                   @RequestParam(required = false) UUID after,
                                   @RequestParam(required = false) UUID invitationId,
                                   @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        List<NoticeRecipient> items = repository.findNoticeRecipients(eventId, after == null ? BEFORE_ALL : after,
                invitationId, limit, invitations::linkFor);
        UUID next = items.size() < limit ? null : items.get(items.size() - 1).invitationId();
        List<UUID> ids = items.stream().map(NoticeRecipient::invitationId).toList();
        for (NoticeNotes feature : notes) {
            var added = ids.isEmpty() ? java.util.Map.<UUID, String>of() : feature.notes(eventId, ids);
            items = items.stream()
                    .map(r -> added.containsKey(r.invitationId()) ? r.withNote(added.get(r.invitationId())) : r)
                    .toList();
        }
        return new RecipientPage(items, next);
    }

    record ConfirmationLookup(@NotNull @Size(max = 1000) List<UUID> invitationIds) {
    }

    /** The current answers of up to 1,000 invitations at once (batch-jobs' answer confirmations, one call a chunk). */
    @PostMapping("/api/v1/internal/answer-confirmations")
    List<AnswerConfirmation> answerConfirmations(@Valid @RequestBody ConfirmationLookup lookup) {
        return lookup.invitationIds().isEmpty() ? List.of()
                : repository.findAnswerConfirmations(lookup.invitationIds(), invitations::linkFor);
    }

    @GetMapping("/api/v1/internal/pending-invitations")
    Page pending(@RequestParam(required = false) UUID after,
                 @RequestParam(required = false) UUID eventId,
                 @RequestParam(required = false) java.time.Instant invitedBefore,
                 @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        List<PendingInvitation> items = repository.findPending(after == null ? BEFORE_ALL : after, eventId,
                invitedBefore, limit, invitations::linkFor);
        UUID next = items.size() < limit ? null : items.get(items.size() - 1).invitationId();
        Map<UUID, Double> chance = items.isEmpty() ? Map.of()
                : chances.of(items.stream().map(PendingInvitation::invitationId).toList());
        return new Page(items.stream().map(i -> i.withAnswerChance(chance.get(i.invitationId()))).toList(), next);
    }
}
