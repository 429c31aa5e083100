package io.inviteflow.core.order;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.invitation.GuestAccess;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What batch-jobs needs to mail buyers their tickets: for a chunk of paid orders, who, what, and the PDF's link. */
@RestController
class InternalTicketMailController {

    private final OrderRepository orders;
    private final Events events;
    private final GuestAccess guests;
    private final CoreProperties core;

    InternalTicketMailController(OrderRepository orders, Events events, GuestAccess guests, CoreProperties core) {
        this.orders = orders;
        this.events = events;
        this.guests = guests;
        this.core = core;
    }

    record Chunk(@NotEmpty @Size(max = 1000) List<@NotNull UUID> orderIds) {
    }

    /**
     * @param paid     false when the order is no longer paid (refunded since): no mail
     * @param ticketsPdf the buyer's PDF of the order's tickets (a link of the buyer's invitation)
     */
    record TicketMail(UUID orderId, UUID invitationId, UUID eventId, String eventTitle, OffsetDateTime startsAt,
                      String timeZone, String buyerName, String buyerEmail, int tickets, boolean paid,
                      String ticketsPdf) {
    }

    @PostMapping("/api/v1/internal/ticket-mails")
    @Operation(summary = "For each order of the chunk (unknown ones left out): the mail of its tickets")
    List<TicketMail> mails(@Valid @RequestBody Chunk chunk) {
        return chunk.orderIds().stream().map(orders::find).flatMap(Optional::stream)
                .filter(order -> order.invitationId() != null)
                .map(this::mail)
                .toList();
    }

    private TicketMail mail(Order order) {
        PartyEvent event = events.find(order.eventId()).orElseThrow();
        String pdf = core.publicUrl().resolve(guests.pagePath(order.invitationId()) + "/orders/" + order.id()
                + "/tickets.pdf").toString();
        return new TicketMail(order.id(), order.invitationId(), event.id(), event.title(), event.startsAt(),
                event.timeZone(), order.buyerName(), order.buyerEmail(), order.tickets(),
                order.status() == Order.Status.PAID, pdf);
    }
}
