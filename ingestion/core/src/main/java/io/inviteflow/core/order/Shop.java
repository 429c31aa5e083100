package io.inviteflow.core.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event's ticket sale as a buyer sees it; amounts in minor units of {@code currency}, VAT included.
 *
 * @param gateways how buyers may pay ({@code stripe}, {@code paypal}): an order names one
 */
record Shop(UUID eventId, String currency, int vatBasisPoints, long feeFixedMinor, int feeBasisPoints,
            List<Tier> tiers, List<String> gateways) {

    /** @param includes what each ticket comes with (a bundle); empty for a plain ticket */
    record Tier(UUID id, String name, String description, long priceMinor, int available, boolean onSale,
                int minPerOrder, int maxPerOrder, OffsetDateTime salesStart, OffsetDateTime salesEnd,
                List<io.inviteflow.core.ticketing.Merchandise.Included> includes) {
    }
}
