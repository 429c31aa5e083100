package io.inviteflow.core.ticket;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets of paid orders: issued, listed, voided when refunded. */
@Service
public class Tickets {

    static final String AGGREGATE = "ticket";

    private final TicketRepository repository;
    private final ActivityOutbox outbox;

    Tickets(TicketRepository repository, ActivityOutbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /** What to issue: {@code quantity} tickets of a tier. */
    public record Admission(UUID tierId, int quantity) {
    }

    /** Issues the order's tickets to its buyer, in the caller's transaction (the one marking the order paid). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> issue(UUID orderId, UUID eventId, List<Admission> admissions, String holderName,
                            String holderEmail) {
        List<UUID> ids = new ArrayList<>();
        List<TicketRepository.NewTicket> tickets = new ArrayList<>();
        List<ActivityOutbox.Entry> issued = new ArrayList<>();
        for (Admission admission : admissions) {
            for (int i = 0; i < admission.quantity(); i++) {
                UUID id = UUID.randomUUID();
                tickets.add(new TicketRepository.NewTicket(id, orderId, admission.tierId(), eventId, holderName,
                        holderEmail));
                ids.add(id);
                issued.add(new ActivityOutbox.Entry(ActivityType.TICKET_ISSUED, AGGREGATE, id, eventId,
                        new Payloads.TicketIssued(orderId, admission.tierId())));
            }
        }
        repository.insertAll(tickets);
        outbox.recordAll(issued);
        return ids;
    }

    public List<Ticket> ofOrder(UUID orderId) {
        return repository.ofOrder(orderId);
    }

    public Optional<Ticket> find(UUID ticketId) {
        return repository.find(ticketId);
    }

    /**
     * Gives a ticket to someone else: the holder changes and the code's version grows, so the previous holder's code
     * answers REPLACED at the door. False when the ticket is not valid or already used.
     */
    @Transactional
    public boolean transfer(Ticket ticket, String name, String email) {
        if (!repository.transfer(ticket, name, email)) {
            return false;
        }
        outbox.record(new ActivityOutbox.Entry(ActivityType.TICKET_TRANSFERRED, AGGREGATE, ticket.id(),
                ticket.eventId(), new Payloads.TicketTransferred(ticket.orderId(), ticket.tierId())));
        return true;
    }

    /** Voids the order's valid tickets (refunded or cancelled); returns how many. Caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int voidOrder(UUID orderId, Ticket.Status status) {
        return repository.voidOrder(orderId, status);
    }
}
