package io.inviteflow.core.invitation;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.EventCapacityChanged;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.web.Problems;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Capacity and waitlist. The caller holds the event's row lock ({@link Events#lockForAnswers}), so the headcounts read
 * here cannot change before the transaction commits: never more confirmed than the capacity, under any concurrency.
 * <p>
 * The waitlist is first come, first served: a place that frees up goes to the first waiting guest if their party
 * fits, and nobody further down jumps the queue (a family of four is not passed over for a single guest).
 */
@Component
class Waitlist {

    private final InvitationRepository repository;
    private final Events events;
    private final ActivityOutbox outbox;

    Waitlist(InvitationRepository repository, Events events, ActivityOutbox outbox) {
        this.repository = repository;
        this.events = events;
        this.outbox = outbox;
    }

    /** Where a new answer stands, and since when it waits if it does. */
    record Placement(Attendance attendance, Instant waitlistedAt) {
    }

    Placement place(PartyEvent event, UUID invitationId, Rsvp response, int plusOnes, Instant now) {
        if (response != Rsvp.YES) {
            return new Placement(null, null);
        }
        if (event.capacity() == null) {
            return new Placement(Attendance.CONFIRMED, null);
        }
        InvitationRepository.Standing before = repository.standing(invitationId);
        int headcount = 1 + plusOnes;
        int others = repository.confirmedHeadcount(event.id(), invitationId);
        boolean fits = others + headcount <= event.capacity();
        if (before.attendance() == Attendance.CONFIRMED) {
            if (fits || headcount <= before.headcount()) {
                return new Placement(Attendance.CONFIRMED, null);
            }
            int free = Math.max(0, event.capacity() - others - 1);
            throw Problems.coded(Problems.conflict("the event is nearly full: you can bring at most " + free
                    + (free == 1 ? " guest" : " guests") + " and keep your place"), "nearlyFull", free);
        }
        if (before.attendance() == Attendance.WAITLISTED) {
            return new Placement(Attendance.WAITLISTED, before.waitlistedAt()); // keeps their place in the queue
        }
        if (fits && repository.waitlist(event.id()).isEmpty()) {
            return new Placement(Attendance.CONFIRMED, null);
        }
        return new Placement(Attendance.WAITLISTED, now);
    }

    /** Confirms waiting guests, first come first served, while their party fits; each is told by an activity. */
    void promote(PartyEvent event) {
        if (event.capacity() == null) {
            repository.waitlist(event.id()).forEach(w -> confirm(event, w));
            return;
        }
        int confirmed = repository.confirmedHeadcount(event.id(), new UUID(0, 0));
        for (InvitationRepository.Waiting waiting : repository.waitlist(event.id())) {
            if (confirmed + waiting.headcount() > event.capacity()) {
                return;
            }
            confirm(event, waiting);
            confirmed += waiting.headcount();
        }
    }

    @EventListener
    void capacityChanged(EventCapacityChanged change) {
        promote(events.lockForAnswers(change.eventId()));
    }

    void recordJoined(GuestInvitation invitation) {
        outbox.record(new ActivityOutbox.Entry(ActivityType.WAITLIST_JOINED, InvitationService.AGGREGATE,
                invitation.id(), invitation.partyEventId(), new Payloads.Waitlisted(1 + invitation.plusOnes())));
    }

    private void confirm(PartyEvent event, InvitationRepository.Waiting waiting) {
        repository.confirm(waiting.id());
        outbox.record(new ActivityOutbox.Entry(ActivityType.WAITLIST_PROMOTED, InvitationService.AGGREGATE,
                waiting.id(), event.id(), new Payloads.Waitlisted(waiting.headcount())));
    }
}
