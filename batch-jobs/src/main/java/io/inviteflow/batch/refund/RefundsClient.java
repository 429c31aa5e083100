package io.inviteflow.batch.refund;

import io.inviteflow.batch.paging.KeysetPageReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The core's internal refund API: orders left to refund, and refunding a chunk of them (the core calls the gateway). */
@Component
class RefundsClient {

    private final RestClient core;

    RefundsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    KeysetPageReader.Page<RefundableOrder> page(UUID eventId, UUID after, int limit) {
        List<RefundableOrder> orders = core.get()
                .uri(uri -> {
                    uri.path("/api/v1/internal/events/{eventId}/refundable-orders").queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    return uri.build(eventId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<List<RefundableOrder>>() {
                });
        return new KeysetPageReader.Page<>(orders, orders.size() < limit ? null
                : orders.get(orders.size() - 1).orderId());
    }

    /** What the core answered for one order: its refund, or why it failed (the order then stays as it was). */
    record Outcome(UUID orderId, Refund refund, String error) {
    }

    record Refund(UUID id, long amountMinor, String gatewayReference) {
    }

    List<Outcome> refund(UUID eventId, List<UUID> orderIds, String reason) {
        return core.post()
                .uri("/api/v1/internal/events/{eventId}/refunds", eventId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("orderIds", orderIds, "reason", reason))
                .retrieve()
                .body(new ParameterizedTypeReference<List<Outcome>>() {
                });
    }
}
