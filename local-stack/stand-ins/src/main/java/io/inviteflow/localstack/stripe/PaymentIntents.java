package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.WebhookSender;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * PaymentIntents and their lifecycle as Stripe documents it: created waiting for a payment method, confirmed with
 * one (test payment methods decide the outcome), cancelled while not yet paid. Each outcome is also posted as a webhook
 * event ({@code payment_intent.succeeded}, {@code payment_intent.payment_failed}, {@code payment_intent.canceled}).
 */
final class PaymentIntents {

    /** The API version stripe-java 29.5 pins; events carry it so the library deserialises their objects. */
    static final String API_VERSION = System.getProperty("stripe.standin.api-version", "2025-08-27.basil");

    /** Stripe's test payment methods that are declined, with their decline code. */
    private static final Map<String, String> DECLINED = Map.of(
            "pm_card_chargeDeclined", "generic_decline",
            "pm_card_visa_chargeDeclined", "generic_decline",
            "pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds",
            "pm_card_chargeDeclinedExpiredCard", "expired_card");
    /** Stripe's smallest charge per currency in minor units (0.50 in USD, EUR and most others). */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.of("gbp", 30L, "dkk", 250L, "nok", 300L,
            "sek", 300L, "mxn", 1000L, "hkd", 400L, "pln", 200L, "czk", 1500L);
    /** A PaymentIntent waiting for 3-D Secure may also be confirmed again, with another card. */
    private static final Set<String> CONFIRMABLE = Set.of("requires_payment_method", "requires_confirmation",
            "requires_action");

    /** PaymentIntents as JSON text (a tenth of a parsed tree's heap), the newest {@link StripeObjects#KEPT}. */
    private final Map<String, String> byId = Bounded.map(StripeObjects.KEPT);
    /** Refunded so far per PaymentIntent, in minor units (Stripe keeps it on the charge). */
    private final Map<String, Long> refunded = Bounded.map(StripeObjects.KEPT);
    private final WebhookSender webhooks;
    private final PaymentMethods paymentMethods;

    PaymentIntents(WebhookSender webhooks, PaymentMethods paymentMethods) {
        this.webhooks = webhooks;
        this.paymentMethods = paymentMethods;
    }

    ObjectNode create(ObjectNode pi, Map<String, String> form, String idempotencyKey) {
        long amount = positiveAmount(form.get("amount"), "amount");
        String currency = form.get("currency");
        if (currency == null || !currency.matches("[a-zA-Z]{3}")) {
            throw StripeError.invalid("parameter_missing", "Missing required param: currency.", "currency");
        }
        long minimum = MINIMUM_CHARGE.getOrDefault(currency.toLowerCase(), 50L);
        if (amount < minimum) {
            throw StripeError.invalid("amount_too_small", "Amount must be at least " + minimum + " minor units of "
                    + currency.toLowerCase(), "amount");
        }
        String id = Ids.next("pi");
        pi.put("id", id);
        pi.put("client_secret", id + "_secret_" + Ids.next("s").substring(2));
        pi.put("amount", amount);
        pi.put("amount_capturable", 0);
        pi.put("amount_received", 0);
        pi.put("currency", currency.toLowerCase());
        pi.put("created", System.currentTimeMillis() / 1000);
        pi.put("status", form.containsKey("payment_method") ? "requires_confirmation" : "requires_payment_method");
        pi.put("payment_method", form.get("payment_method"));
        pi.put("description", form.get("description"));
        pi.put("receipt_email", form.get("receipt_email"));
        // automatic payment methods are on unless asked otherwise; redirect methods need a return_url on confirm
        ObjectNode automatic = pi.putObject("automatic_payment_methods");
        automatic.put("enabled", !"false".equals(form.get("automatic_payment_methods[enabled]")));
        automatic.put("allow_redirects", form.getOrDefault("automatic_payment_methods[allow_redirects]", "always"));
        pi.putNull("latest_charge");
        pi.putNull("canceled_at");
        pi.putNull("cancellation_reason");
        pi.putNull("last_payment_error");
        ObjectNode metadata = pi.putObject("metadata");
        FormBody.nested(form, "metadata").forEach(metadata::put);
        byId.put(id, pi.toString());
        if ("true".equals(form.get("confirm"))) {
            return confirm(id, form, idempotencyKey);
        }
        return pi;
    }

    ObjectNode confirm(String id, Map<String, String> form, String idempotencyKey) {
        ObjectNode result;
        String eventType;
        synchronized (byId) {
            ObjectNode pi = find(id);
            String status = pi.path("status").asText();
            if (!CONFIRMABLE.contains(status)) {
                throw StripeError.invalid("payment_intent_unexpected_state", "You cannot confirm this PaymentIntent "
                        + "because it has a status of " + status + ".", null);
            }
            String method = form.getOrDefault("payment_method", pi.path("payment_method").asText(null));
            if (method == null || method.isBlank()) {
                throw StripeError.invalid("payment_intent_unexpected_state", "You cannot confirm this PaymentIntent "
                        + "because it's missing a payment method.", "payment_method");
            }
            if (pi.path("automatic_payment_methods").path("enabled").asBoolean()
                    && !"never".equals(pi.path("automatic_payment_methods").path("allow_redirects").asText())
                    && !form.containsKey("return_url")) {
                throw StripeError.invalid(null, "This PaymentIntent is configured to accept payment methods enabled "
                        + "in your Dashboard, because some of these payment methods might redirect your customer off "
                        + "of your page, you must provide a `return_url`. If you don't want to accept redirect-based "
                        + "payment methods, set `automatic_payment_methods[enabled]` to `true` and "
                        + "`automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and "
                        + "Payment Intents.", "return_url");
            }
            pi.put("payment_method", method);
            String outcome = DECLINED.containsKey(method) ? DECLINED.get(method) : paymentMethods.outcome(method);
            String decline = PaymentMethods.AUTHENTICATE.equals(outcome) ? null : outcome;
            if (PaymentMethods.AUTHENTICATE.equals(outcome)) {
                // 3-D Secure: the buyer's browser completes it with Stripe.js (handleNextAction), then it succeeds
                pi.put("status", "requires_action");
                ObjectNode next = pi.putObject("next_action");
                next.put("type", "use_stripe_sdk");
                next.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect");
                eventType = "payment_intent.requires_action";
            } else if (decline != null) {
                pi.put("status", "requires_payment_method");
                ObjectNode error = pi.putObject("last_payment_error");
                error.put("type", "card_error");
                error.put("code", "card_declined");
                error.put("decline_code", decline);
                error.put("message", "Your card was declined.");
                eventType = "payment_intent.payment_failed";
            } else {
                pi.put("status", "succeeded");
                pi.put("amount_received", pi.path("amount").asLong());
                pi.put("latest_charge", Ids.next("ch"));
                pi.putNull("last_payment_error");
                pi.putNull("next_action");
                eventType = "payment_intent.succeeded";
            }
            byId.put(id, pi.toString());
            result = pi;
        }
        webhooks.send(Events.of(eventType, result, idempotencyKey));
        if (eventType.equals("payment_intent.payment_failed")) {
            throw new StripeError(402, "card_error", "card_declined", "Your card was declined.", null, result);
        }
        return result;
    }

    /**
     * The buyer's browser reads its PaymentIntent with the publishable key and the client secret (Stripe.js
     * {@code retrievePaymentIntent}); a wrong secret reads nothing.
     */
    ObjectNode retrieveWithClientSecret(String id, String clientSecret) {
        ObjectNode pi = find(id);
        if (clientSecret == null || !clientSecret.equals(pi.path("client_secret").asText())) {
            throw StripeError.missing("payment_intent", id, "intent");
        }
        return pi;
    }

    /**
     * The stand-in's 3-D Secure page answered (Stripe.js {@code handleNextAction}): completed, the payment succeeds;
     * failed, it needs another payment method. Stripe runs this on its own pages; the stand-in's Stripe.js calls here.
     */
    ObjectNode authenticate(String id, Map<String, String> form) {
        ObjectNode result;
        String eventType;
        synchronized (byId) {
            ObjectNode pi = retrieveWithClientSecret(id, form.get("client_secret"));
            if (!"requires_action".equals(pi.path("status").asText())) {
                throw StripeError.invalid("payment_intent_unexpected_state", "This PaymentIntent has a status of "
                        + pi.path("status").asText() + " and needs no authentication.", null);
            }
            pi.putNull("next_action");
            if ("complete".equals(form.get("outcome"))) {
                pi.put("status", "succeeded");
                pi.put("amount_received", pi.path("amount").asLong());
                pi.put("latest_charge", Ids.next("ch"));
                eventType = "payment_intent.succeeded";
            } else {
                pi.put("status", "requires_payment_method");
                ObjectNode error = pi.putObject("last_payment_error");
                error.put("type", "invalid_request_error");
                error.put("code", "payment_intent_authentication_failure");
                error.put("message", "We are unable to authenticate your payment method. Please choose a different "
                        + "payment method and try again.");
                eventType = "payment_intent.payment_failed";
            }
            byId.put(id, pi.toString());
            result = pi;
        }
        webhooks.send(Events.of(eventType, result, null));
        return result;
    }

    ObjectNode cancel(String id, Map<String, String> form) {
        ObjectNode result;
        synchronized (byId) {
            ObjectNode pi = find(id);
            String status = pi.path("status").asText();
            if (status.equals("succeeded") || status.equals("canceled")) {
                throw StripeError.invalid("payment_intent_unexpected_state", "You cannot cancel this PaymentIntent "
                        + "because it has a status of " + status + ". Only a PaymentIntent with one of the following "
                        + "statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, "
                        + "requires_action, processing.", null);
            }
            pi.put("status", "canceled");
            pi.put("canceled_at", System.currentTimeMillis() / 1000);
            pi.put("cancellation_reason", form.getOrDefault("cancellation_reason", "requested_by_customer"));
            byId.put(id, pi.toString());
            result = pi;
        }
        webhooks.send(Events.of("payment_intent.canceled", result, null));
        return result;
    }

    ObjectNode retrieve(String id) {
        return find(id);
    }

    /**
     * Takes {@code amount} (all that is left when null) off what the PaymentIntent received, or refuses as Stripe does.
     * @return the PaymentIntent's state at the refund, and the amount refunded
     */
    Refunded refund(String id, String amountParam) {
        synchronized (byId) {
            if (!byId.containsKey(id)) {
                throw StripeError.missing("payment_intent", id, "payment_intent");
            }
            ObjectNode pi = find(id);
            if (!"succeeded".equals(pi.path("status").asText())) {
                throw StripeError.invalid("payment_intent_unexpected_state", "This PaymentIntent (" + id
                        + ") does not have a successful charge to refund.", "payment_intent");
            }
            long received = pi.path("amount_received").asLong();
            long before = refunded.getOrDefault(id, 0L);
            long left = received - before;
            if (left == 0) {
                throw StripeError.invalid("charge_already_refunded", "Charge " + pi.path("latest_charge").asText()
                        + " has already been refunded.", null);
            }
            long amount = amountParam == null ? left : positiveAmount(amountParam, "amount");
            if (amount > left) {
                throw StripeError.invalid("amount_too_large", "Refund amount (" + amount + ") is greater than "
                        + "unrefunded amount on charge (" + left + ")", "amount");
            }
            refunded.put(id, before + amount);
            return new Refunded(pi, amount);
        }
    }

    record Refunded(ObjectNode paymentIntent, long amount) {
    }

    /** A fresh copy of the PaymentIntent's state; changes count once written back with {@code byId.put}. */
    private ObjectNode find(String id) {
        String pi = byId.get(id);
        if (pi == null) {
            throw StripeError.missing("payment_intent", id, "intent");
        }
        try {
            return (ObjectNode) StripeObjects.JSON.readTree(pi);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored PaymentIntent is JSON", e);
        }
    }

    private static long positiveAmount(String value, String param) {
        if (value == null) {
            throw StripeError.invalid("parameter_missing", "Missing required param: " + param + ".", param);
        }
        try {
            long amount = Long.parseLong(value);
            if (amount >= 1) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StripeError.invalid("parameter_invalid_integer", "Invalid integer: " + value, param);
    }
}
