package io.inviteflow.console.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Between what organizers type (25.50) and what the core keeps (2550 minor units of EUR). */
final class Amounts {

    private Amounts() {
    }

    static long toMinor(BigDecimal major, String currency) {
        return major.setScale(digits(currency), RoundingMode.HALF_UP).movePointRight(digits(currency))
                .longValueExact();
    }

    static BigDecimal toMajor(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    static String format(long minor, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(digits(currency));
        format.setMaximumFractionDigits(digits(currency));
        return format.format(BigDecimal.valueOf(minor, digits(currency)));
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
