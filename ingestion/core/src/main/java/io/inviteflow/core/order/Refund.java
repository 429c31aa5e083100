package io.inviteflow.core.order;

import java.time.Instant;
import java.util.UUID;

/** Money given back for an order, as the gateway made it ({@code gatewayReference}: Stripe's {@code re_…}). */
public record Refund(UUID id, UUID orderId, String idempotencyKey, long amountMinor, String reason,
                     String gatewayReference, Instant createdAt) {
}
