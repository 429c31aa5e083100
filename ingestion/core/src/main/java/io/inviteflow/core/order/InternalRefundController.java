package io.inviteflow.core.order;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What batch-jobs' refund job needs: the orders left to refund, page by page, and refunding a chunk of them. The
 * gateway calls of a chunk run side by side (each is a network round trip); each refund's key is derived from its
 * order and reason, so a chunk repeated after a crash refunds nobody twice.
 */
@RestController
@RequestMapping("/api/v1/internal/events/{eventId}")
class InternalRefundController {

    private final OrderRepository orders;
    private final Refunds refunds;
    private final Events events;
    private final ExecutorService gatewayCalls = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "refund-gateway-call");
        t.setDaemon(true);
        return t;
    });

    InternalRefundController(OrderRepository orders, Refunds refunds, Events events) {
        this.orders = orders;
        this.events = events;
        this.refunds = refunds;
    }

    /** @param invitationId the buyer's invitation (the mail ledger's key); {@code eventTitle} for the mail */
    record RefundableOrder(UUID orderId, UUID invitationId, String eventTitle, String buyerName, String buyerEmail,
                           String currency, long refundableMinor) {
    }

    @GetMapping("/refundable-orders")
    @Operation(summary = "Paid orders with money left to refund, by id after `after`")
    List<RefundableOrder> refundable(@PathVariable UUID eventId,
                                     @RequestParam(defaultValue = "00000000-0000-0000-0000-000000000000") UUID after,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        String title = events.find(eventId).map(PartyEvent::title).orElseThrow(() -> Problems.notFound("event", eventId));
        return orders.refundable(eventId, after, Math.min(limit, 1000)).stream()
                .map(o -> new RefundableOrder(o.id(), o.invitationId(), title, o.buyerName(), o.buyerEmail(),
                        o.currency(), o.totalMinor() - o.refundedMinor()))
                .toList();
    }

    record RefundChunk(@NotEmpty @Size(max = 1000) List<@NotNull UUID> orderIds,
                       @NotNull @Pattern(regexp = "event_cancelled|rescheduled|buyer_cancelled") String reason) {
    }

    /** @param error why it failed (the order stays as it was); null when refunded */
    record RefundOutcome(UUID orderId, Refund refund, String error) {
    }

    @PostMapping("/refunds")
    @Operation(summary = "Refund each order in full, once (key: refund-<order>-<reason>)")
    List<RefundOutcome> refund(@PathVariable UUID eventId, @Valid @RequestBody RefundChunk chunk) {
        List<CompletableFuture<RefundOutcome>> outcomes = chunk.orderIds().stream()
                .map(id -> CompletableFuture.supplyAsync(() -> refundOne(eventId, id, chunk.reason()), gatewayCalls))
                .toList();
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    private RefundOutcome refundOne(UUID eventId, UUID orderId, String reason) {
        String key = "refund-" + orderId + "-" + reason;
        try {
            if (orders.find(orderId).filter(o -> o.eventId().equals(eventId)).isEmpty()) {
                return new RefundOutcome(orderId, null, "no such order in this event");
            }
            return new RefundOutcome(orderId, refunds.refund(orderId, null, reason, key), null);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 503) {
                return new RefundOutcome(orderId, null, e.getCause() == null ? e.getBody().getDetail()
                        : e.getCause().getMessage());
            }
            // refunded in full before (by the organizer, or by this job under another key): nothing left to do
            return orders.refundByKey(key).map(r -> new RefundOutcome(orderId, r, null))
                    .orElseGet(() -> new RefundOutcome(orderId, null, e.getBody().getDetail()));
        }
    }

    @PreDestroy
    void stop() {
        gatewayCalls.shutdownNow();
    }
}
