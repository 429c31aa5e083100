package io.inviteflow.core.ticketing;

import java.util.List;
import java.util.UUID;

/**
 * What an order costs, line by line, in minor units: {@code total = subtotal - discount + fee}; {@code vat} is the part
 * of the total that is VAT (prices include it).
 */
public record Quote(String currency, List<Line> lines, long subtotalMinor, long discountMinor, long feeMinor,
                    long vatMinor, long totalMinor) {

    public record Line(UUID tierId, String tierName, int quantity, long unitPriceMinor, long discountMinor) {

        public long grossMinor() {
            return Math.multiplyExact(unitPriceMinor, quantity);
        }
    }

    public int tickets() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }
}
