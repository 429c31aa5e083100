package io.inviteflow.core.order;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.ticket.Ticket;
import io.inviteflow.core.ticket.TicketCodes;
import io.inviteflow.core.ticket.Tickets;
import io.inviteflow.core.ticketing.Catalogue;
import io.inviteflow.core.ticketing.TicketSettings;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What a buyer may change after paying, within the organizer's rules: give a ticket to someone else, or cancel the
 * order for a full refund (until the organizer's deadline before the start, or during the window a reschedule opens).
 */
@Service
class BuyerChanges {

    private final Checkout checkout;
    private final Catalogue catalogue;
    private final Events events;
    private final Tickets tickets;
    private final TicketCodes codes;
    private final Refunds refunds;
    private final CoreProperties core;
    private final Clock clock;

    BuyerChanges(Checkout checkout, Catalogue catalogue, Events events, Tickets tickets, TicketCodes codes,
                 Refunds refunds, CoreProperties core, Clock clock) {
        this.checkout = checkout;
        this.catalogue = catalogue;
        this.events = events;
        this.tickets = tickets;
        this.codes = codes;
        this.refunds = refunds;
        this.core = core;
        this.clock = clock;
    }

    /** @param link the new holder's own link to the ticket (its PDF) */
    record Transferred(UUID ticketId, String holderName, String link) {
    }

    Transferred transfer(String token, UUID orderId, UUID ticketId, String name, String email) {
        Order order = checkout.guestOrder(token, orderId);
        Ticket ticket = tickets.find(ticketId).filter(t -> t.orderId().equals(order.id()))
                .orElseThrow(() -> Problems.notFound("ticket", ticketId));
        TicketSettings settings = catalogue.settings(order.eventId()).orElseThrow();
        if (!settings.transfersAllowed()) {
            throw Problems.coded(Problems.conflict("the host does not let tickets change hands"), "noTransfers");
        }
        if (!tickets.transfer(ticket, name.strip(), email.strip())) {
            throw Problems.coded(Problems.conflict("only a valid ticket that was not used can be given away"),
                    "notTransferable");
        }
        Ticket now = tickets.find(ticketId).orElseThrow();
        return new Transferred(now.id(), now.holderName(),
                core.publicUrl() + "/t/" + codes.codeOf(now.id(), now.codeVersion()) + "/ticket.pdf");
    }

    /** Whether the buyer may cancel now, and under which reason; null when not. */
    String cancellationReason(Order order) {
        if (order.status() != Order.Status.PAID) {
            return null;
        }
        PartyEvent event = events.find(order.eventId()).orElseThrow();
        TicketSettings settings = catalogue.settings(order.eventId()).orElse(null);
        Instant now = clock.instant();
        if (event.cancelled() || settings == null
                || tickets.ofOrder(order.id()).stream().anyMatch(t -> t.checkedInAt() != null)) {
            return null;
        }
        if (settings.refundRequestsUntil() != null && now.isBefore(settings.refundRequestsUntil().toInstant())) {
            return "rescheduled";
        }
        Integer hours = settings.cancelUntilHoursBefore();
        if (hours != null && now.isBefore(event.startsAt().toInstant().minusSeconds(3600L * hours))) {
            return "buyer_cancelled";
        }
        return null;
    }

    Refund cancel(String token, UUID orderId) {
        Order order = checkout.guestOrder(token, orderId);
        String reason = cancellationReason(order);
        if (reason == null) {
            throw Problems.coded(Problems.conflict("this order can no longer be cancelled"), "cancelClosed");
        }
        return refunds.refund(order.id(), null, reason, "refund-" + order.id() + "-" + reason);
    }
}
