package io.inviteflow.core.invitation;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inviting, opening and answering. Each change and its activity are committed together. */
@Service
class InvitationService {

    static final String AGGREGATE = "invitation";

    private final InvitationRepository repository;
    private final Events events;
    private final ActivityOutbox outbox;
    private final CoreProperties properties;
    private final InvitationTokens tokens;
    private final Clock clock;

    InvitationService(InvitationRepository repository, Events events, ActivityOutbox outbox,
                      CoreProperties properties, InvitationTokens tokens, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.events = events;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    record Guest(String name, String email, String phone) {
    }

    /** What the organizer gets back: the token is shown once and never stored in clear. */
    record IssuedInvitation(UUID id, String name, String token, String link) {
    }

    @Transactional
    List<IssuedInvitation> invite(UUID organizerId, UUID eventId, List<Guest> guests, String message) {
        PartyEvent event = events.requireOwned(eventId, organizerId);
        List<InvitationRepository.NewInvitation> rows = new ArrayList<>(guests.size());
        List<IssuedInvitation> issued = new ArrayList<>(guests.size());
        List<ActivityOutbox.Entry> activities = new ArrayList<>(guests.size());
        for (Guest guest : guests) {
            UUID id = UUID.randomUUID();
            String token = tokens.tokenFor(id);
            rows.add(new InvitationRepository.NewInvitation(id, eventId, InvitationTokens.hash(token),
                    guest.name().trim(), blankToNull(guest.email()), blankToNull(guest.phone()), message));
            issued.add(new IssuedInvitation(id, guest.name().trim(), token, link(token)));
            String channel = guest.email() != null && !guest.email().isBlank() ? "email" : "link";
            activities.add(new ActivityOutbox.Entry(ActivityType.INVITATION_CREATED, AGGREGATE, id, eventId,
                    new Payloads.InvitationCreated(organizerId, event.template(), channel)));
        }
        repository.insertAll(rows);
        outbox.recordAll(activities);
        return issued;
    }

    /** Records one open (every view counts; consumers count distinct invitations). */
    @Transactional
    Optional<GuestInvitation> open(String token, String client) {
        Optional<GuestInvitation> invitation = find(token);
        invitation.ifPresent(i -> {
            repository.recordOpen(i.id(), clock.instant());
            outbox.record(new ActivityOutbox.Entry(ActivityType.INVITATION_OPENED, AGGREGATE, i.id(),
                    i.partyEventId(), new Payloads.InvitationOpened(client)));
        });
        return invitation;
    }

    @Transactional
    GuestInvitation answer(String token, Rsvp response, int plusOnes, String note) {
        if (response == Rsvp.NO && plusOnes > 0) {
            throw Problems.unprocessable("plusOnes", "a guest who answers NO brings no plus-ones");
        }
        GuestInvitation answered = (InvitationTokens.wellFormed(token)
                ? repository.answer(token, response, plusOnes, note, clock.instant())
                : Optional.<GuestInvitation>empty())
                .orElseThrow(() -> Problems.notFound("invitation", "for this token"));
        outbox.record(new ActivityOutbox.Entry(ActivityType.RSVP_ANSWERED, AGGREGATE, answered.id(),
                answered.partyEventId(),
                new Payloads.RsvpAnswered(response, plusOnes, answered.answerVersion())));
        return answered;
    }

    Optional<GuestInvitation> find(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return repository.findByToken(token);
    }

    String linkFor(UUID invitationId) {
        return link(tokens.tokenFor(invitationId));
    }

    private String link(String token) {
        return properties.publicUrl().resolve("/i/" + token).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
