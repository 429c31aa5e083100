package io.inviteflow.localstack.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.localstack.common.Ids;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.WebhookSender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Orders v2 as PayPal documents them for {@code intent: CAPTURE} with a PayPal wallet payment source: created waiting
 * for the payer ({@code PAYER_ACTION_REQUIRED}, with a {@code payer-action} link), approved by the payer on PayPal's
 * page, captured by the merchant ({@code COMPLETED}), its capture refunded in full or in part, never beyond what was
 * captured. Each step is also posted as a webhook event ({@code CHECKOUT.ORDER.APPROVED},
 * {@code PAYMENT.CAPTURE.COMPLETED}, {@code PAYMENT.CAPTURE.DENIED}, {@code PAYMENT.CAPTURE.REFUNDED}).
 * <p>
 * The stand-in's payer picks a funding source on the approval page: the PayPal balance pays; a declined card makes
 * the capture fail with {@code INSTRUMENT_DECLINED}, after which PayPal expects the payer to be sent back to approve
 * with another source; an eCheck is captured {@code PENDING} and completes two seconds later (webhook).
 */
final class CheckoutOrders {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT = 100_000;
    private static final Set<String> ZERO_DECIMAL = Set.of("JPY", "HUF", "TWD");

    private final Map<String, PayPalOrder> byId = Bounded.map(KEPT);
    private final Map<String, String> orderOfCapture = Bounded.map(KEPT);
    private final WebhookSender webhooks;
    private final String baseUrl;
    /** How long the stand-in's eChecks take to clear (PayPal's take days). */
    private static final java.time.Duration ECHECK_CLEARS = java.time.Duration.ofSeconds(2);
    private final java.util.concurrent.ScheduledExecutorService clearing =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "paypal-standin-echecks");
                t.setDaemon(true);
                return t;
            });

    CheckoutOrders(WebhookSender webhooks, String baseUrl) {
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    /** What PayPal keeps of one order. Guarded by its own monitor. */
    private static final class PayPalOrder {
        final String id = Ids.capitals(17);
        final Instant created = Instant.now();
        ObjectNode purchaseUnit;
        String currency;
        BigDecimal value;
        String email;
        String returnUrl;
        String cancelUrl;
        String status = "PAYER_ACTION_REQUIRED";
        String funding;
        String captureId;
        Instant captured;
        BigDecimal refunded = BigDecimal.ZERO;
        Instant updated = created;
        /** an eCheck's capture, not cleared yet */
        boolean pending;
    }

    ObjectNode create(JsonNode request) {
        if (!"CAPTURE".equals(request.path("intent").asText())) {
            throw PayPalError.invalidRequest("INVALID_PARAMETER_VALUE",
                    "The value of a field is invalid: intent (this stand-in serves CAPTURE only).");
        }
        JsonNode units = request.path("purchase_units");
        if (!units.isArray() || units.size() != 1) {
            throw PayPalError.invalidRequest("MISSING_REQUIRED_PARAMETER",
                    "A required field / parameter is missing: purchase_units (one unit).");
        }
        PayPalOrder order = new PayPalOrder();
        JsonNode amount = units.get(0).path("amount");
        order.currency = amount.path("currency_code").asText();
        order.value = amount(amount, "/purchase_units/@reference_id=='default'/amount/value");
        if (order.value.signum() <= 0) {
            throw PayPalError.unprocessable("CANNOT_BE_ZERO_OR_NEGATIVE",
                    "Must be greater than zero. If the currency supports decimals, only two decimal place precision "
                            + "is supported.");
        }
        order.purchaseUnit = (ObjectNode) units.get(0).deepCopy();
        if (!order.purchaseUnit.has("reference_id")) {
            order.purchaseUnit.put("reference_id", "default");
        }
        JsonNode paypal = request.path("payment_source").path("paypal");
        order.email = paypal.path("email_address").asText(null);
        order.returnUrl = paypal.path("experience_context").path("return_url").asText(null);
        order.cancelUrl = paypal.path("experience_context").path("cancel_url").asText(null);
        byId.put(order.id, order);
        return json(order);
    }

    ObjectNode get(String id) {
        PayPalOrder order = find(id);
        synchronized (order) {
            return json(order);
        }
    }

    /** The payer approved on the approval page; returns where their browser goes next. */
    String approve(String id, String funding) {
        PayPalOrder order = find(id);
        ObjectNode event;
        synchronized (order) {
            if (!"PAYER_ACTION_REQUIRED".equals(order.status)) {
                return order.returnUrl + "?token=" + id + "&PayerID=" + payerId(order);
            }
            order.status = "APPROVED";
            order.funding = funding;
            order.updated = Instant.now();
            event = json(order);
        }
        webhooks.send(PayPalEvents.of("CHECKOUT.ORDER.APPROVED", "checkout-order", event,
                "An order has been approved by buyer"));
        return order.returnUrl + "?token=" + id + "&PayerID=" + payerId(order);
    }

    String cancelUrl(String id) {
        PayPalOrder order = find(id);
        return order.cancelUrl + "?token=" + id;
    }

    ObjectNode capture(String id) {
        PayPalOrder order = find(id);
        ObjectNode result;
        synchronized (order) {
            switch (order.status) {
                case "COMPLETED" -> throw PayPalError.unprocessable("ORDER_ALREADY_CAPTURED",
                        "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.");
                case "APPROVED" -> {
                }
                default -> throw PayPalError.unprocessable("ORDER_NOT_APPROVED", "Payer has not yet approved the "
                        + "Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part "
                        + "of the HATEOAS links within the Create Order call or provide a valid payment_source in "
                        + "the request.");
            }
            if ("declined-card".equals(order.funding)) {
                order.status = "PAYER_ACTION_REQUIRED";
                order.funding = null;
                order.updated = Instant.now();
                throw PayPalError.unprocessable("INSTRUMENT_DECLINED", "The instrument presented  was either "
                        + "declined by the processor or bank, or it can't be used for this payment.");
            }
            order.status = "COMPLETED";
            order.captureId = Ids.capitals(17);
            order.captured = Instant.now();
            order.updated = order.captured;
            order.pending = "echeck".equals(order.funding);
            orderOfCapture.put(order.captureId, order.id);
            result = json(order);
        }
        if (order.pending) {
            // an eCheck clears later: the capture stays PENDING, then completes (and says so by webhook)
            clearing.schedule(() -> clear(order), ECHECK_CLEARS.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            webhooks.send(PayPalEvents.of("PAYMENT.CAPTURE.COMPLETED", "capture", capture(order),
                    "Payment completed for " + order.value + " " + order.currency));
        }
        return result;
    }

    private void clear(PayPalOrder order) {
        ObjectNode capture;
        synchronized (order) {
            order.pending = false;
            order.updated = Instant.now();
            capture = capture(order);
        }
        webhooks.send(PayPalEvents.of("PAYMENT.CAPTURE.COMPLETED", "capture", capture,
                "Payment completed for " + order.value + " " + order.currency));
    }

    ObjectNode refund(String captureId, JsonNode request) {
        String orderId = orderOfCapture.get(captureId);
        if (orderId == null) {
            throw PayPalError.notFound(captureId);
        }
        PayPalOrder order = find(orderId);
        ObjectNode refund;
        synchronized (order) {
            BigDecimal left = order.value.subtract(order.refunded);
            if (left.signum() == 0) {
                throw PayPalError.unprocessable("CAPTURE_FULLY_REFUNDED", "The capture has already been fully "
                        + "refunded");
            }
            BigDecimal amount = left;
            if (request.has("amount")) {
                if (!order.currency.equals(request.path("amount").path("currency_code").asText())) {
                    throw PayPalError.unprocessable("REFUND_CURRENCY_MISMATCH", "Refund must be in the same "
                            + "currency as the capture");
                }
                amount = amount(request.path("amount"), "/amount/value");
                if (amount.signum() <= 0) {
                    throw PayPalError.unprocessable("CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero.");
                }
                if (amount.compareTo(left) > 0) {
                    throw PayPalError.unprocessable("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than "
                            + "or equal to the capture amount that has not yet been refunded.");
                }
            }
            order.refunded = order.refunded.add(amount);
            order.updated = Instant.now();
            refund = JSON.createObjectNode();
            refund.put("id", Ids.capitals(17));
            refund.put("status", "COMPLETED");
            money(refund.putObject("amount"), order.currency, amount);
            if (request.hasNonNull("note_to_payer")) {
                refund.put("note_to_payer", request.get("note_to_payer").asText());
            }
            refund.put("create_time", order.updated.toString());
            refund.put("update_time", order.updated.toString());
            refund.putArray("links").add(link(baseUrl + "/v2/payments/refunds/" + refund.get("id").asText(),
                    "self", "GET")).add(link(baseUrl + "/v2/payments/captures/" + captureId, "up", "GET"));
        }
        webhooks.send(PayPalEvents.of("PAYMENT.CAPTURE.REFUNDED", "refund", refund,
                "A " + order.value + " " + order.currency + " capture payment was refunded"));
        return refund;
    }

    private PayPalOrder find(String id) {
        PayPalOrder order = id == null ? null : byId.get(id);
        if (order == null) {
            throw PayPalError.notFound(id);
        }
        return order;
    }

    /** A money value as PayPal's schema allows it: digits, and the currency's decimals at most (two, or none). */
    private static BigDecimal amount(JsonNode money, String field) {
        String currency = money.path("currency_code").asText();
        String value = money.path("value").asText();
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw PayPalError.unprocessable("CURRENCY_NOT_SUPPORTED", "Currency code is not supported: "
                    + currency);
        }
        int decimals = ZERO_DECIMAL.contains(currency) ? 0 : 2;
        if (!value.matches("\\d{1,10}(\\.\\d{1," + Math.max(decimals, 1) + "})?")
                || (decimals == 0 && value.contains("."))) {
            throw PayPalError.unprocessable("DECIMAL_PRECISION", "If the currency supports decimals, only two "
                    + "decimal place precision is supported (" + field + ").");
        }
        return new BigDecimal(value);
    }

    private ObjectNode json(PayPalOrder order) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", order.id);
        json.put("intent", "CAPTURE");
        json.put("status", order.status);
        ObjectNode paypal = json.putObject("payment_source").putObject("paypal");
        if (order.email != null) {
            paypal.put("email_address", order.email);
        }
        boolean approved = Set.of("APPROVED", "COMPLETED").contains(order.status);
        if (approved) {
            paypal.put("account_id", payerId(order));
            paypal.put("account_status", "VERIFIED");
            json.putObject("payer").put("payer_id", payerId(order));
        }
        ObjectNode unit = order.purchaseUnit.deepCopy();
        if (order.captureId != null) {
            unit.putObject("payments").putArray("captures").add(capture(order));
        }
        json.putArray("purchase_units").add(unit);
        json.put("create_time", order.created.toString());
        json.put("update_time", order.updated.toString());
        var links = json.putArray("links");
        links.add(link(baseUrl + "/v2/checkout/orders/" + order.id, "self", "GET"));
        if ("PAYER_ACTION_REQUIRED".equals(order.status)) {
            links.add(link(baseUrl + "/checkoutnow?token=" + order.id, "payer-action", "GET"));
        }
        if ("APPROVED".equals(order.status)) {
            links.add(link(baseUrl + "/v2/checkout/orders/" + order.id + "/capture", "capture", "POST"));
        }
        return json;
    }

    private ObjectNode capture(PayPalOrder order) {
        ObjectNode capture = JSON.createObjectNode();
        capture.put("id", order.captureId);
        int refunded = order.refunded.compareTo(order.value);
        capture.put("status", order.pending ? "PENDING" : order.refunded.signum() == 0 ? "COMPLETED"
                : refunded == 0 ? "REFUNDED" : "PARTIALLY_REFUNDED");
        if (order.pending) {
            capture.putObject("status_details").put("reason", "ECHECK");
        }
        money(capture.putObject("amount"), order.currency, order.value);
        capture.put("final_capture", true);
        if (order.purchaseUnit.has("custom_id")) {
            capture.put("custom_id", order.purchaseUnit.get("custom_id").asText());
        }
        capture.putObject("seller_protection").put("status", "ELIGIBLE");
        capture.putObject("supplementary_data").putObject("related_ids").put("order_id", order.id);
        capture.put("create_time", order.captured.toString());
        capture.put("update_time", order.updated.toString());
        capture.putArray("links")
                .add(link(baseUrl + "/v2/payments/captures/" + order.captureId, "self", "GET"))
                .add(link(baseUrl + "/v2/payments/captures/" + order.captureId + "/refund", "refund", "POST"))
                .add(link(baseUrl + "/v2/checkout/orders/" + order.id, "up", "GET"));
        return capture;
    }

    private static void money(ObjectNode node, String currency, BigDecimal value) {
        node.put("currency_code", currency);
        node.put("value", value.toPlainString());
    }

    private static ObjectNode link(String href, String rel, String method) {
        ObjectNode link = JSON.createObjectNode();
        link.put("href", href);
        link.put("rel", rel);
        link.put("method", method);
        return link;
    }

    /** The stand-in's payer: one account per order, derived from it so the same order shows the same payer. */
    private static String payerId(PayPalOrder order) {
        return "PAYER" + order.id.substring(0, 8);
    }
}
