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
            JsonNode capture = order.path("purchase_units").path(0).path("payments").path("captures").path(0);
            if ("COMPLETED".equals(capture.path("status").asText())) {
                return succeeded(paymentReference, capture);
            }
            // PENDING (an eCheck, a review): PayPal's PAYMENT.CAPTURE.COMPLETED webhook settles it later
            return new Declined("capture_" + capture.path("status").asText("unknown").toLowerCase(),
                    "PayPal has not completed the payment yet (" + capture.path("status_details").path("reason")
                            .asText("no reason given") + ").");
        } catch (PayPalClient.Refusal e) {
            return switch (e.issue) {
                case "INSTRUMENT_DECLINED" -> new Declined("instrument_declined", "PayPal's funding source was "
                        + "declined: choose another one at PayPal.");
                case "ORDER_NOT_APPROVED", "PAYER_ACTION_REQUIRED" -> new Declined("order_not_approved",
                        "The payment has not been approved at PayPal yet.");
                case "ORDER_ALREADY_CAPTURED" -> succeeded(paymentReference).map(Outcome.class::cast)
                        .orElseThrow(() -> failure("confirm", e));
                default -> throw failure("confirm", e);
            };
        }
    }

    @Override
    public Optional<Succeeded> succeeded(String paymentReference) {
        JsonNode order = call("retrieve", () -> paypal.get("/v2/checkout/orders/" + paymentReference));
        JsonNode capture = order.path("purchase_units").path(0).path("payments").path("captures").path(0);
        return "COMPLETED".equals(order.path("status").asText()) && CAPTURED.contains(capture.path("status").asText())
                ? Optional.of(succeeded(paymentReference, capture)) : Optional.empty();
    }

    @Override
    public Cancellation cancel(String paymentReference) {
        JsonNode order;
        try {
            order = paypal.get("/v2/checkout/orders/" + paymentReference);
        } catch (PayPalClient.Refusal e) {
            if (e.status == 404) {
                return new Cancelled(); // PayPal forgot it (unapproved orders lapse): nothing can be paid with it
            }
            throw failure("cancel", e);
        }
        return switch (order.path("status").asText()) {
            case "COMPLETED" -> succeeded(paymentReference).<Cancellation>map(AlreadyPaid::new)
                    .orElseGet(Cancelled::new);
            case "APPROVED" -> confirm(paymentReference, null, "capture-at-hold-end-" + paymentReference)
                    instanceof Succeeded paid ? new AlreadyPaid(paid) : new Cancelled();
            default -> new Cancelled(); // never approved: only we can capture, and we will not
        };
    }

    @Override
    public GatewayRefund refund(String paymentReference, long amountMinor, String idempotencyKey, String reason) {
        JsonNode order = call("refund", () -> paypal.get("/v2/checkout/orders/" + paymentReference));
        JsonNode capture = order.path("purchase_units").path(0).path("payments").path("captures").path(0);
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

    private static Succeeded succeeded(String reference, JsonNode capture) {
        return new Succeeded(reference, PayPalMoney.minor(capture.path("amount")),
                capture.path("amount").path("currency_code").asText());
    }

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
