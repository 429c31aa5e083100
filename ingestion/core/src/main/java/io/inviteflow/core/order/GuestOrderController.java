package io.inviteflow.core.order;

import io.inviteflow.core.payment.PaymentProperties;
import io.inviteflow.core.ticket.Ticket;
import io.inviteflow.core.ticket.TicketDocuments;
import io.inviteflow.core.web.Problems;
import io.inviteflow.core.ticket.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A guest buys tickets with their invitation link: the shop, an order, paying it, the tickets. */
@RestController
class GuestOrderController {

    private final Checkout checkout;
    private final Tickets tickets;
    private final TicketDocuments documents;
    private final PaymentProperties payments;
    private final BuyerChanges changes;

    GuestOrderController(Checkout checkout, Tickets tickets, TicketDocuments documents, PaymentProperties payments,
                         BuyerChanges changes) {
        this.changes = changes;
        this.checkout = checkout;
        this.tickets = tickets;
        this.documents = documents;
        this.payments = payments;
    }

    @GetMapping("/i/{token}/shop")
    @Operation(summary = "The event's tickets for sale: prices (minor units, VAT included), what is left, fees")
    Shop shop(@PathVariable String token) {
        return checkout.shop(token);
    }

    @PostMapping("/i/{token}/orders")
    @Operation(summary = "Order tickets: they are held for the buyer until paid or until the hold expires")
    ResponseEntity<OrderView> place(@PathVariable String token, @Valid @RequestBody OrderRequests.Place request) {
        Order order = checkout.place(token, request);
        return ResponseEntity.created(URI.create("/i/" + token + "/orders/" + order.id())).body(view(token, order));
    }

    @GetMapping("/i/{token}/orders/{orderId}")
    OrderView order(@PathVariable String token, @PathVariable UUID orderId) {
        return view(token, checkout.guestOrder(token, orderId));
    }

    @PostMapping("/i/{token}/orders/{orderId}/payment")
    @Operation(summary = "Pay a pending order: with the payment method the provider's browser library created "
            + "(Stripe), or, after the buyer approved at PayPal, with none")
    OrderView pay(@PathVariable String token, @PathVariable UUID orderId,
                  @Valid @RequestBody OrderRequests.Pay request) {
        return view(token, checkout.pay(token, orderId, request.paymentMethod()));
    }

    record Transfer(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String name,
                    @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Email
                    @jakarta.validation.constraints.Size(max = 320) String email) {
    }

    @PostMapping("/i/{token}/orders/{orderId}/tickets/{ticketId}/transfer")
    @Operation(summary = "Give a paid ticket to someone else (if the host allows): the old code stops working, the new "
            + "holder gets a link of their own")
    BuyerChanges.Transferred transfer(@PathVariable String token, @PathVariable UUID orderId,
                                      @PathVariable UUID ticketId, @Valid @RequestBody Transfer request) {
        return changes.transfer(token, orderId, ticketId, request.name(), request.email());
    }

    @PostMapping("/i/{token}/orders/{orderId}/cancellation")
    @Operation(summary = "Cancel a paid order for a full refund, while the host's rules allow it (409 cancelClosed)")
    Refund cancel(@PathVariable String token, @PathVariable UUID orderId) {
        return changes.cancel(token, orderId);
    }

    @GetMapping(value = "/i/{token}/orders/{orderId}/tickets.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The order's tickets to print: one page per ticket, with its QR code")
    ResponseEntity<byte[]> pdf(@PathVariable String token, @PathVariable UUID orderId) {
        Order order = checkout.guestOrder(token, orderId);
        // a ticket given to someone else is theirs: its current code is on their own link, not on the buyer's PDF
        List<Ticket> kept = tickets.ofOrder(order.id()).stream().filter(t -> t.codeVersion() == 1).toList();
        if (kept.isEmpty()) {
            throw Problems.notFound("tickets", "of this order held by its buyer");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"tickets-" + order.id() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(documents.pdf(order.eventId(), kept));
    }

    private OrderView view(String token, Order order) {
        boolean payable = order.status() == Order.Status.PENDING && order.paymentReference() != null;
        OrderView.Payment payment = !payable ? null : order.approveUrl() != null
                ? new OrderView.Payment(order.gateway(), null, null, order.approveUrl())
                : new OrderView.Payment(order.gateway(), order.clientSecret(), payments.stripe().publishableKey(), null);
        String pdf = "/i/" + token + "/orders/" + order.id() + "/tickets.pdf";
        return new OrderView(order.id(), order.status(), order.currency(), order.lines(), order.subtotalMinor(),
                order.discountMinor(), order.feeMinor(), order.vatMinor(), order.totalMinor(), order.refundedMinor(),
                order.holdExpiresAt(), payment, tickets.ofOrder(order.id()).stream()
                .map(t -> new OrderView.TicketView(t.id(), t.tierId(), t.tierName(), t.holderName(), t.status(), pdf,
                        t.checkedInAt()))
                .toList());
    }
}
