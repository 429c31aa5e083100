package io.inviteflow.core.ticketing;

import io.inviteflow.core.web.Problems;

import java.util.Currency;
import java.util.Map;
import java.util.Set;

/** Which currencies the sale takes, the smallest amount a card payment may be in each, and how amounts are shown. */
public final class Money {

    /**
     * Currencies whose minor unit at Stripe differs from ISO 4217's (Stripe wants ISK, HUF, TWD and UGX in hundredths
     * though they have no or other decimals): amounts would be off by a factor, so they are not taken yet.
     */
    private static final Set<String> SPECIAL_AT_STRIPE = Set.of("ISK", "HUF", "TWD", "UGX");

    /** Stripe's minimum charge per currency, in minor units (its documented list; 50 for the rest). */
    private static final Map<String, Long> MINIMUM = Map.of("GBP", 30L, "JPY", 50L, "CHF", 50L, "DKK", 250L,
            "NOK", 300L, "SEK", 300L, "MXN", 1000L, "HKD", 400L, "PLN", 200L, "CZK", 1500L);

    private Money() {
    }

    /** @throws org.springframework.web.ErrorResponseException 422 for a code that is no currency or not taken */
    public static void requireSupported(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable("currency", code + " is not an ISO 4217 currency");
        }
        if (SPECIAL_AT_STRIPE.contains(code)) {
            throw Problems.unprocessable("currency", code + " is not supported yet (its minor unit differs at Stripe)");
        }
    }

    /** Minor units shown the reader's way: 2500 EUR is "25,00 €" in German, "€25.00" in English. */
    public static String format(long minor, String currencyCode, java.util.Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(minor, digits));
    }

    /** The smallest total a card payment in {@code currency} may have, in minor units. */
    public static long minimumCharge(String currency) {
        return MINIMUM.getOrDefault(currency, 50L);
    }
}
