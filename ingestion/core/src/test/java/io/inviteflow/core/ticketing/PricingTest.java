package io.inviteflow.core.ticketing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

    private static final TicketSettings NO_FEE = settings(0, 0, 0);

    @Test
    void aPercentageIsTakenOffEachTierItAppliesToRoundedHalfUpPerLine() {
        TicketTier a = tier(3333);
        TicketTier b = tier(1000);
        DiscountCode fifteenOnA = code(15, null, List.of(a.id()));
        Quote quote = Pricing.quote(NO_FEE, List.of(new Pricing.Item(a, 1), new Pricing.Item(b, 2)), fifteenOnA);
        assertThat(quote.lines().get(0).discountMinor()).isEqualTo(500); // 499.95
        assertThat(quote.lines().get(1).discountMinor()).isZero();
        assertThat(quote.totalMinor()).isEqualTo(3333 + 2000 - 500);
    }

    @Test
    void anAmountOffIsTakenOnceAndNeverBelowZero() {
        TicketTier cheap = tier(300);
        TicketTier dear = tier(5000);
        Quote quote = Pricing.quote(NO_FEE, List.of(new Pricing.Item(cheap, 1), new Pricing.Item(dear, 1)),
                code(null, 1000L, List.of()));
        assertThat(quote.lines()).extracting(Quote.Line::discountMinor).containsExactly(300L, 700L);
        assertThat(quote.totalMinor()).isEqualTo(4300);
        Quote free = Pricing.quote(settings(0, 99, 250), List.of(new Pricing.Item(cheap, 1)),
                code(null, 1000L, List.of()));
        assertThat(free.totalMinor()).as("no fee on a free order").isZero();
    }

    @Test
    void feesAreAddedAndVatIsTheIncludedShareOfTheTotal() {
        Quote quote = Pricing.quote(settings(700, 50, 300), List.of(new Pricing.Item(tier(1999), 3)), null);
        assertThat(quote.subtotalMinor()).isEqualTo(5997);
        assertThat(quote.feeMinor()).isEqualTo(150 + 180); // 3 % of 59.97 = 1.7991
        assertThat(quote.totalMinor()).isEqualTo(6327);
        assertThat(quote.vatMinor()).isEqualTo(414); // 63.27 × 7/107 = 4.139…
    }

    @Test
    void amountsThatWouldOverflowAreRefusedNotWrapped() {
        TicketTier absurd = tier(Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> Pricing.quote(NO_FEE, List.of(new Pricing.Item(absurd, 3)), null))
                .isInstanceOf(ArithmeticException.class);
    }

    private static TicketSettings settings(int vatBasisPoints, long feeFixed, int feeBasisPoints) {
        return new TicketSettings(UUID.randomUUID(), "EUR", vatBasisPoints, feeFixed, feeBasisPoints, true, null, null);
    }

    private static TicketTier tier(long price) {
        return new TicketTier(UUID.randomUUID(), UUID.randomUUID(), "Tier " + price, null, price, 100, 0, null, null,
                1, 10, 0);
    }

    private static DiscountCode code(Integer percent, Long amount, List<UUID> tiers) {
        return new DiscountCode(UUID.randomUUID(), UUID.randomUUID(), "CODE", percent, amount, null, 0, null, null,
                tiers);
    }
}
