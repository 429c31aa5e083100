package io.inviteflow.core.invitation;

import io.inviteflow.core.event.EventQuestions;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Shows the organizer a draft invitation exactly as one guest will see it, before anything is sent or stored. */
@RestController
class InvitationPreviewController {

    private static final String PREVIEW_TOKEN = "preview";

    private final Events events;
    private final EventQuestions questions;
    private final TemplateCatalogue templates;
    private final InvitationService invitations;
    private final GuestPage page = new GuestPage();

    InvitationPreviewController(Events events, EventQuestions questions, TemplateCatalogue templates,
                                InvitationService invitations) {
        this.events = events;
        this.questions = questions;
        this.templates = templates;
        this.invitations = invitations;
    }

    record PreviewRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String message,
                          @Size(max = 80) String theme, @Min(0) @Max(20) Integer maxPlusOnes) {
    }

    @PostMapping(path = "/api/v1/events/{eventId}/invitations/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                   @Valid @RequestBody PreviewRequest request) {
        PartyEvent event = events.requireOwned(eventId, organizer.id());
        MergeFields.check("message", request.message());
        if (request.theme() != null && templates.theme(request.theme()).isEmpty()) {
            throw Problems.unprocessable("theme", "no theme '" + request.theme() + "'");
        }
        var guest = new InvitationService.Guest(request.name(), null, null, null, null, null, null, null, null);
        String message = invitations.personalisation(event).message(guest, request.message());
        var draft = new GuestInvitation(new UUID(0, 0), eventId, request.name().strip(), message, null, 0, null, 0,
                request.maxPlusOnes(), request.theme(), null, List.of());
        String html = page.render(GuestPage.View.of(event, draft, PREVIEW_TOKEN, questions.of(eventId), templates,
                null));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }
}
