package io.inviteflow.core.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** PayPal's money: {@code {currency_code, value}} with a decimal string in the currency's unit; ours: minor units. */
final class PayPalMoney {

    static final ObjectMapper JSON = new ObjectMapper();

    private PayPalMoney() {
    }

    static void write(ObjectNode money, long minor, String currency) {
        money.put("currency_code", currency.toUpperCase(Locale.ROOT));
        money.put("value", BigDecimal.valueOf(minor, digits(currency)).toPlainString());
    }

    static long minor(JsonNode money) {
        return new BigDecimal(money.path("value").asText("0"))
                .movePointRight(digits(money.path("currency_code").asText())).longValueExact();
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    }
}
