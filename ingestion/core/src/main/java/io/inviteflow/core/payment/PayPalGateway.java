package io.inviteflow.core.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PayPal Checkout through the Orders v2 API: one PayPal order per order, approved by the buyer on PayPal's page,
 * captured by us when they come back (or when PayPal's webhook says they approved), refunds against its capture.
 * Every POST carries a {@code PayPal-Request-Id} derived from our records.
 * <p>
 * PayPal cannot void an order the buyer approved. So when a hold runs out, an approved PayPal order is captured rather
 * than abandoned: the buyer approved in time, and nobody could capture it later for an order that gave its tickets back.
 */
@Component
class PayPalGateway implements PaymentGateway {

    static final String NAME = "paypal";
    private static final Set<String> CAPTURED = Set.of("COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED");
    private static final Set<String> CURRENCIES = Set.of("AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD",
            "ILS", "JPY", "MYR", "MXN", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");

    private final PayPalClient paypal;
    private final PaymentProperties.PayPal config;

    PayPalGateway(PayPalClient paypal, PaymentProperties properties) {
        this.paypal = paypal;
        this.config = properties.paypal();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Payment open(Opening opening) {
        String orderId = opening.orderId().toString();
        ObjectNode body = PayPalMoney.JSON.createObjectNode();
        body.put("intent", "CAPTURE");
        ObjectNode unit = body.putArray("purchase_units").addObject();
        unit.put("reference_id", orderId);
        unit.put("custom_id", orderId);
        unit.put("invoice_id", orderId);
        unit.put("description", truncate(opening.description(), 127));
        PayPalMoney.write(unit.putObject("amount"), opening.amountMinor(), opening.currency());
        ObjectNode wallet = body.putObject("payment_source").putObject("paypal");
        if (opening.receiptEmail() != null) {
            wallet.put("email_address", opening.receiptEmail());
        }
        ObjectNode experience = wallet.putObject("experience_context");
        experience.put("brand_name", truncate(config.brandName(), 127));
        experience.put("user_action", "PAY_NOW");
        experience.put("shipping_preference", "NO_SHIPPING");
        experience.put("return_url", opening.returnTo().approved().toString());
        experience.put("cancel_url", opening.returnTo().cancelled().toString());
        JsonNode order = call("open", () -> paypal.post("/v2/checkout/orders", body,
                "order-" + orderId + "-payment"));
        return new Payment(order.path("id").asText(), null, approveLink(order));
    }

    @Override
    public Outcome confirm(String paymentReference, String paymentMethod, String idempotencyKey) {
        try {
            JsonNode order = paypal.post("/v2/checkout/orders/" + paymentReference + "/capture", "{}",
                    idempotencyKey);
            return outcome(paymentReference, capture(order));
        } catch (PayPalClient.Refusal e) {
            return switch (e.issue) {
                case "INSTRUMENT_DECLINED" -> new Declined("instrument_declined", "PayPal's funding source was "
                        + "declined: choose another one at PayPal.");
                case "ORDER_NOT_APPROVED", "PAYER_ACTION_REQUIRED" -> new Declined("order_not_approved",
                        "The payment has not been approved at PayPal yet.");
                case "ORDER_ALREADY_CAPTURED" -> outcome(paymentReference,
                        capture(call("retrieve", () -> paypal.get("/v2/checkout/orders/" + paymentReference))));
                default -> throw failure("confirm", e);
            };
        }
    }

    @Override
    public Optional<Succeeded> succeeded(String paymentReference) {
        JsonNode order = call("retrieve", () -> paypal.get("/v2/checkout/orders/" + paymentReference));
        return outcome(paymentReference, capture(order)) instanceof Succeeded paid ? Optional.of(paid)
                : Optional.empty();
    }

    @Override
    public Cancellation cancel(String paymentReference) {
        return end(paymentReference, true);
    }

    /** An approved order of a cancelled event is left uncaptured: PayPal lets the approval lapse, no money moves. */
    @Override
    public Cancellation abandon(String paymentReference) {
        return end(paymentReference, false);
    }

    /** The currencies PayPal accepts payments in (its REST API's list, without those our money refuses). */
    @Override
    public boolean supports(String currency) {
        return CURRENCIES.contains(currency.toUpperCase(java.util.Locale.ROOT));
    }

    private Cancellation end(String paymentReference, boolean captureApproved) {
        JsonNode order;
        try {
            order = paypal.get("/v2/checkout/orders/" + paymentReference);
        } catch (PayPalClient.Refusal e) {
            if (e.status == 404) {
                return new Cancelled(); // PayPal forgot it (unapproved orders lapse): nothing can be paid with it
            }
            throw failure("cancel", e);
        }
        String status = order.path("status").asText();
        if ("COMPLETED".equals(status)) {
            return ended(outcome(paymentReference, capture(order)));
        }
        if ("APPROVED".equals(status) && captureApproved) {
            return ended(confirm(paymentReference, null, "capture-at-hold-end-" + paymentReference));
        }
        return new Cancelled(); // never approved (or abandoned): only we can capture, and we will not
    }

    /** Taken: already paid; still settling: the order waits for the webhook; declined: nothing was taken. */
    private static Cancellation ended(Outcome outcome) {
        if (outcome instanceof Succeeded paid) {
            return new AlreadyPaid(paid);
        }
        return outcome instanceof Processing processing ? processing : new Cancelled();
    }

    /** What a capture came to: taken, still settling at PayPal, or declined. */
    private static Outcome outcome(String reference, JsonNode capture) {
        String status = capture.path("status").asText();
        if (CAPTURED.contains(status)) {
            return new Succeeded(reference, PayPalMoney.minor(capture.path("amount")),
                    capture.path("amount").path("currency_code").asText());
        }
        if ("PENDING".equals(status)) {
            return new Processing(capture.path("status_details").path("reason").asText("pending at PayPal"));
        }
        return new Declined("capture_" + status.toLowerCase(java.util.Locale.ROOT),
                "PayPal did not complete the payment (" + status + ").");
    }

    /** The order's (single) capture, or a missing node before it is captured. */
    private static JsonNode capture(JsonNode order) {
        return order.path("purchase_units").path(0).path("payments").path("captures").path(0);
    }

    @Override
    public GatewayRefund refund(String paymentReference, long amountMinor, String idempotencyKey, String reason) {
        JsonNode capture = capture(call("refund", () -> paypal.get("/v2/checkout/orders/" + paymentReference)));
        if (capture.isMissingNode()) {
            throw new GatewayException(NAME, "NOT_CAPTURED", "PayPal order " + paymentReference
                    + " has no capture to refund", null);
        }
        String currency = capture.path("amount").path("currency_code").asText();
        ObjectNode body = PayPalMoney.JSON.createObjectNode();
        PayPalMoney.write(body.putObject("amount"), amountMinor, currency);
        body.put("note_to_payer", NOTES.getOrDefault(reason, "Refund"));
        JsonNode refund = call("refund", () -> paypal.post("/v2/payments/captures/" + capture.path("id").asText()
                + "/refund", body, idempotencyKey));
        long refunded = refund.has("amount") ? PayPalMoney.minor(refund.path("amount")) : amountMinor;
        return new GatewayRefund(refund.path("id").asText(), refunded);
    }

    private static final Map<String, String> NOTES = Map.of(
            "event_cancelled", "The event was cancelled.",
            "buyer_cancelled", "Your tickets were cancelled.",
            "rescheduled", "The event was moved.",
            "organizer", "Refund from the organizer.");


    /** The page where the buyer approves: {@code payer-action} for a wallet source, {@code approve} otherwise. */
    private static String approveLink(JsonNode order) {
        for (JsonNode link : order.path("links")) {
            String rel = link.path("rel").asText();
            if ("payer-action".equals(rel) || "approve".equals(rel)) {
                return link.path("href").asText();
            }
        }
        throw new GatewayException(NAME, "NO_APPROVE_LINK", "PayPal order " + order.path("id").asText()
                + " came without a link for the buyer", null);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private interface PayPalCall {
        JsonNode run() throws PayPalClient.Refusal;
    }

    private static JsonNode call(String operation, PayPalCall call) {
        try {
            return call.run();
        } catch (PayPalClient.Refusal e) {
            throw failure(operation, e);
        }
    }

    private static GatewayException failure(String operation, PayPalClient.Refusal e) {
        return new GatewayException(NAME, e.issue, "PayPal " + operation + " refused (" + e.status + " " + e.issue
                + "): " + e.getMessage(), e);
    }
}
