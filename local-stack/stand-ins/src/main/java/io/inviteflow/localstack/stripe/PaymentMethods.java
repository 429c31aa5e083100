package io.inviteflow.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.Ids;

import java.time.YearMonth;
import java.util.Map;

/**
 * Card PaymentMethods as Stripe.js creates them from what the buyer typed ({@code POST /v1/payment_methods} with the
 * publishable key). Stripe's test card numbers decide what happens when a PaymentIntent is confirmed with one: 4242…
 * pays, 4000 0000 0000 0002 is declined, 4000 0025 0000 3155 needs 3-D Secure first. Numbers that fail the Luhn check,
 * past expiry dates and malformed CVCs are refused here already, as Stripe.js reports them.
 */
final class PaymentMethods {

    static final String AUTHENTICATE = "authentication_required";
    /** Stripe's test cards: the outcome of a confirmation ("" pays, else a decline code or {@link #AUTHENTICATE}). */
    private static final Map<String, String> TEST_CARDS = Map.of(
            "4242424242424242", "",
            "5555555555554444", "",
            "4000056655665556", "",
            "4000000000000002", "generic_decline",
            "4000000000009995", "insufficient_funds",
            "4000000000000069", "expired_card",
            "4000002500003155", AUTHENTICATE,
            "4000000000003220", AUTHENTICATE);

    private final Map<String, String> outcomes = Bounded.map(StripeObjects.KEPT);

    ObjectNode create(ObjectNode pm, Map<String, String> form) {
        if (!"card".equals(form.get("type"))) {
            throw StripeError.invalid("parameter_invalid_empty", "Invalid type: this stand-in creates card payment "
                    + "methods only.", "type");
        }
        String number = form.getOrDefault("card[number]", "").replaceAll("[\\s-]", "");
        if (!number.matches("\\d{12,19}") || !luhn(number)) {
            throw card("incorrect_number", "Your card number is incorrect.", "number");
        }
        int month = parse(form.get("card[exp_month]"));
        int year = parse(form.get("card[exp_year]"));
        year = year < 100 && year >= 0 ? 2000 + year : year;
        if (month < 1 || month > 12) {
            throw card("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
        }
        if (year < 0 || YearMonth.of(year, month).isBefore(YearMonth.now())) {
            throw card("invalid_expiry_year", "Your card's expiration year is in the past.", "exp_year");
        }
        if (!form.getOrDefault("card[cvc]", "").matches("\\d{3,4}")) {
            throw card("invalid_cvc", "Your card's security code is invalid.", "cvc");
        }
        String outcome = TEST_CARDS.get(number);
        if (outcome == null) {
            throw card("card_declined", "Your card was declined. Your request was in test mode, but used a non "
                    + "test (live) card. For a list of valid test cards, visit: "
                    + "https://stripe.com/docs/testing.", null);
        }
        String id = Ids.next("pm");
        outcomes.put(id, outcome);
        pm.put("id", id);
        pm.put("created", System.currentTimeMillis() / 1000);
        ObjectNode card = pm.putObject("card");
        card.put("brand", number.startsWith("4") ? "visa" : "mastercard");
        card.put("last4", number.substring(number.length() - 4));
        card.put("exp_month", month);
        card.put("exp_year", year);
        card.put("funding", "credit");
        card.put("country", "US");
        ObjectNode billing = pm.putObject("billing_details");
        FormBody.nested(form, "billing_details").forEach(billing::put);
        return pm;
    }

    /** What confirming with {@code paymentMethod} comes to: null pays, else a decline code or {@link #AUTHENTICATE}. */
    String outcome(String paymentMethod) {
        String outcome = outcomes.get(paymentMethod);
        return outcome == null || outcome.isEmpty() ? null : outcome;
    }

    private static StripeError card(String code, String message, String param) {
        return new StripeError(402, "card_error", code, message, param, null);
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
