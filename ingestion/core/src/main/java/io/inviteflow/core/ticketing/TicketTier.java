package io.inviteflow.core.ticketing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A kind of ticket with its price (minor units, VAT included) and stock. {@code taken} counts tickets held by unpaid
 * orders and sold ones.
 */
public record TicketTier(UUID id, UUID eventId, String name, String description, long priceMinor, int quantity,
                         int taken, OffsetDateTime salesStart, OffsetDateTime salesEnd, int minPerOrder,
                         int maxPerOrder, int position) {

    public int available() {
        return quantity - taken;
    }

    /** Whether the sale window is open at {@code now}. */
    public boolean onSale(Instant now) {
        return (salesStart == null || !now.isBefore(salesStart.toInstant()))
                && (salesEnd == null || now.isBefore(salesEnd.toInstant()));
    }
}
