package io.inviteflow.core.ticketing;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How an event sells tickets. Prices include VAT at {@code vatBasisPoints} (1900 = 19 %), as buyers in most of the
 * world expect to see them; the service fee ({@code feeFixedMinor} per ticket plus {@code feeBasisPoints} of the
 * discounted price) is added to the order and shown before paying.
 *
 * @param cancelUntilHoursBefore buyers may cancel their order for a refund until this many hours before the start;
 *                               null: they may not
 * @param refundRequestsUntil    after a reschedule, buyers may ask for a refund until then; null: no such window
 */
public record TicketSettings(UUID eventId, String currency, int vatBasisPoints, long feeFixedMinor, int feeBasisPoints,
                             boolean transfersAllowed, Integer cancelUntilHoursBefore,
                             OffsetDateTime refundRequestsUntil) {
}
