package io.inviteflow.core.order;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.payment.GatewayErrors;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The organizer's view of the money: orders, sales per tier, refunds. */
@RestController
@RequestMapping("/api/v1/events/{eventId}")
class OrganizerOrderController {

    private final Events events;
    private final OrderRepository orders;
    private final SalesRepository sales;
    private final Refunds refunds;
    private final GatewayErrors gatewayErrors;

    OrganizerOrderController(Events events, OrderRepository orders, SalesRepository sales, Refunds refunds,
                             GatewayErrors gatewayErrors) {
        this.gatewayErrors = gatewayErrors;
        this.events = events;
        this.orders = orders;
        this.sales = sales;
        this.refunds = refunds;
    }

    @GetMapping("/orders")
    @Operation(summary = "The event's latest orders, newest first")
    List<Order> orders(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                       @RequestParam(defaultValue = "200") @Min(1) int limit) {
        events.requireOwned(eventId, organizer.id());
        return orders.ofEvent(eventId, Math.min(limit, 1000));
    }

    @GetMapping("/order-counts")
    @Operation(summary = "How many of the event's orders are pending, paid, expired and refunded")
    java.util.Map<Order.Status, Integer> orderCounts(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        return orders.countsByStatus(eventId);
    }

    @GetMapping("/sales")
    @Operation(summary = "Per tier: sold, held by unpaid orders, left, revenue (minor units, after discounts)")
    List<SalesRepository.TierSales> sales(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        return sales.perTier(eventId);
    }

    record RefundRequest(@Min(1) Long amountMinor,
                         @NotNull @Pattern(regexp = "organizer|buyer_cancelled|rescheduled") String reason) {
    }

    @PostMapping("/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Refund an order in full (no amount) or in part; send an Idempotency-Key to retry safely")
    Refund refund(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID orderId,
                  @Valid @RequestBody RefundRequest request,
                  @RequestHeader(value = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        events.requireOwned(eventId, organizer.id());
        orders.find(orderId).filter(o -> o.eventId().equals(eventId))
                .orElseThrow(() -> Problems.notFound("order", orderId));
        String idempotencyKey = "refund-" + orderId + "-" + (key == null || key.isBlank()
                ? UUID.randomUUID() : key.strip());
        return refunds.refund(orderId, request.amountMinor(), request.reason(), idempotencyKey);
    }

    @GetMapping("/gateway-errors")
    @Operation(summary = "The payment gateway's latest failures about the event's orders (outages, refusals)")
    List<GatewayErrors.GatewayError> gatewayErrors(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        return gatewayErrors.ofEvent(eventId, 100);
    }

    @GetMapping("/orders/{orderId}/refunds")
    List<Refund> refunds(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID orderId) {
        events.requireOwned(eventId, organizer.id());
        orders.find(orderId).filter(o -> o.eventId().equals(eventId))
                .orElseThrow(() -> Problems.notFound("order", orderId));
        return orders.refundsOf(orderId);
    }
}
