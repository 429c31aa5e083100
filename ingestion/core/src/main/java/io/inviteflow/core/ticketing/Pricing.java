package io.inviteflow.core.ticketing;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices an order in integer minor units; every rounding is half-up at one stated point, so a quote, a receipt and a
 * refund always agree to the cent.
 * <ul>
 * <li>A percentage code takes that share off each tier it applies to (rounded per line).</li>
 * <li>An amount code takes its amount off once per order, line by line in order, never below zero.</li>
 * <li>The fee is {@code feeFixed} per ticket plus {@code feeBasisPoints} of the discounted price; a free order has no
 * fee.</li>
 * <li>VAT is included: {@code vat = total × rate / (1 + rate)}.</li>
 * </ul>
 */
public final class Pricing {

    private Pricing() {
    }

    /** One tier and how many of it. */
    public record Item(TicketTier tier, int quantity) {
    }

    public static Quote quote(TicketSettings settings, List<Item> items, DiscountCode code) {
        List<Quote.Line> lines = new ArrayList<>();
        long subtotal = 0;
        long discount = 0;
        long amountLeft = code != null && code.amountOffMinor() != null ? code.amountOffMinor() : 0;
        for (Item item : items) {
            long gross = Math.multiplyExact(item.tier().priceMinor(), item.quantity());
            long lineDiscount = 0;
            if (code != null && code.appliesTo(item.tier().id())) {
                if (code.percentOff() != null) {
                    lineDiscount = divideHalfUp(Math.multiplyExact(gross, code.percentOff()), 100);
                } else {
                    lineDiscount = Math.min(amountLeft, gross);
                    amountLeft -= lineDiscount;
                }
            }
            lines.add(new Quote.Line(item.tier().id(), item.tier().name(), item.quantity(), item.tier().priceMinor(),
                    lineDiscount));
            subtotal = Math.addExact(subtotal, gross);
            discount += lineDiscount;
        }
        long discounted = subtotal - discount;
        int tickets = items.stream().mapToInt(Item::quantity).sum();
        long fee = discounted == 0 ? 0 : Math.addExact(Math.multiplyExact(settings.feeFixedMinor(), tickets),
                divideHalfUp(Math.multiplyExact(discounted, settings.feeBasisPoints()), 10_000));
        long total = Math.addExact(discounted, fee);
        long vat = divideHalfUp(Math.multiplyExact(total, settings.vatBasisPoints()),
                10_000L + settings.vatBasisPoints());
        return new Quote(settings.currency(), List.copyOf(lines), subtotal, discount, fee, vat, total);
    }

    static long divideHalfUp(long dividend, long divisor) {
        return Math.floorDiv(Math.addExact(dividend, divisor / 2), divisor);
    }
}
