package io.inviteflow.core.ticketing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A code a buyer types at checkout: a percentage or an amount (minor units) off, on some tiers or all, for a while, a
 * number of times. A use counts from the moment an order takes it and comes back if that order expires unpaid.
 *
 * @param tierIds the tiers it applies to; empty: all
 */
public record DiscountCode(UUID id, UUID eventId, String code, Integer percentOff, Long amountOffMinor,
                           Integer maxUses, int used, OffsetDateTime validFrom, OffsetDateTime validUntil,
                           List<UUID> tierIds) {

    public boolean validAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom.toInstant()))
                && (validUntil == null || now.isBefore(validUntil.toInstant()));
    }

    public boolean appliesTo(UUID tierId) {
        return tierIds.isEmpty() || tierIds.contains(tierId);
    }
}
