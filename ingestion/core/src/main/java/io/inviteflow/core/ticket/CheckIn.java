package io.inviteflow.core.ticket;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The door: a scanned code lets one person in, once. Two doors scanning the same ticket at the same moment race on
 * one conditional UPDATE; exactly one gets ADMITTED, the other ALREADY_USED with when and where.
 */
@Service
class CheckIn {

    private final TicketCodes codes;
    private final TicketRepository tickets;
    private final ActivityOutbox outbox;
    private final Clock clock;

    CheckIn(TicketCodes codes, TicketRepository tickets, ActivityOutbox outbox, Clock clock) {
        this.codes = codes;
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    enum Verdict {
        /** Let them in. */
        ADMITTED,
        /** The ticket was already used: {@code checkedInAt} and {@code device} say when and where. */
        ALREADY_USED,
        /** A genuine ticket of another event. */
        WRONG_EVENT,
        /** The order was refunded: the ticket is void. */
        REFUNDED,
        CANCELLED,
        /** The ticket was given to someone else; this is the previous holder's code. */
        REPLACED,
        /** Not a code we signed (forged, altered, or not a ticket at all). */
        INVALID
    }

    /** @param holderName and {@code tierName} let staff check a name against an ID; null for INVALID */
    record Result(Verdict verdict, UUID ticketId, String holderName, String tierName, Instant checkedInAt,
                  String device) {
    }

    @Transactional
    Result scan(UUID eventId, String code, String device) {
        Optional<TicketCodes.Verified> verified = codes.verify(code == null ? null : code.strip());
        if (verified.isEmpty()) {
            return new Result(Verdict.INVALID, null, null, null, null, null);
        }
        UUID id = verified.get().ticketId();
        Instant now = clock.instant();
        if (tickets.checkIn(id, verified.get().version(), eventId, device, now)) {
            Ticket ticket = tickets.find(id).orElseThrow();
            outbox.record(new ActivityOutbox.Entry(ActivityType.TICKET_CHECKED_IN, Tickets.AGGREGATE, id, eventId,
                    new Payloads.TicketCheckedIn(ticket.tierId(), device)));
            return result(Verdict.ADMITTED, ticket);
        }
        Optional<Ticket> found = tickets.find(id);
        if (found.isEmpty()) {
            return new Result(Verdict.INVALID, null, null, null, null, null); // signed, but its order is gone
        }
        Ticket ticket = found.get();
        Verdict verdict;
        if (!ticket.eventId().equals(eventId)) {
            verdict = Verdict.WRONG_EVENT;
        } else if (ticket.status() == Ticket.Status.REFUNDED) {
            verdict = Verdict.REFUNDED;
        } else if (ticket.status() == Ticket.Status.CANCELLED) {
            verdict = Verdict.CANCELLED;
        } else if (ticket.codeVersion() != verified.get().version()) {
            verdict = Verdict.REPLACED;
        } else {
            verdict = Verdict.ALREADY_USED;
        }
        return result(verdict, ticket);
    }

    private static Result result(Verdict verdict, Ticket ticket) {
        return new Result(verdict, ticket.id(), ticket.holderName(), ticket.tierName(), ticket.checkedInAt(),
                ticket.checkedInDevice());
    }
}
