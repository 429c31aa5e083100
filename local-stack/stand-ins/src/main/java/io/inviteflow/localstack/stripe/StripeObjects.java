package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.WebhookSender;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.Ids;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The state behind the mappings. A mapping names its {@code action}; its response body is the object as Stripe's API
 * reference shows it, and this fills in what the request and the object's history decide (ids, amounts, status).
 * <p>
 * Idempotency as Stripe documents it: a POST repeated with the same {@code Idempotency-Key} and the same parameters
 * gets the first response again (header {@code Idempotent-Replayed: true}) and changes nothing; the same key with other
 * parameters is refused with an {@code idempotency_error}.
 */
final class StripeObjects implements ResponseTransformerV2 {

    static final ObjectMapper JSON = new ObjectMapper();

    private final PaymentIntents paymentIntents;
    private final PaymentMethods paymentMethods = new PaymentMethods();
    private final Refunds refunds;
    /** Replies by idempotency key (the newest {@value #KEPT}). */
    private final Map<String, CompletableFuture<Reply>> idempotent = Bounded.map(KEPT);
    static final int KEPT = 100_000;

    StripeObjects(WebhookSender webhooks) {
        this.paymentIntents = new PaymentIntents(webhooks, paymentMethods);
        this.refunds = new Refunds(paymentIntents);
    }

    /** What one API call answered; {@code fingerprint} identifies the call that produced it. */
    record Reply(int status, String json, String fingerprint) {
    }

    @Override
    public String getName() {
        return "stripe";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String action = event.getTransformerParameters().getString("action");
        String key = request.containsHeader("Idempotency-Key") ? request.getHeader("Idempotency-Key") : null;
        String fingerprint = action + " " + request.getUrl() + " " + request.getBodyAsString();
        Reply reply;
        boolean replayed = false;
        if (key == null || !"POST".equals(request.getMethod().value())) {
            reply = execute(action, request, response, key, fingerprint);
        } else {
            CompletableFuture<Reply> mine = new CompletableFuture<>();
            CompletableFuture<Reply> first = idempotent.putIfAbsent(key, mine);
            if (first == null) {
                reply = execute(action, request, response, key, fingerprint);
                mine.complete(reply);
            } else if (!first.isDone()) {
                // as Stripe: a key whose first request is still being processed is refused, not waited for
                reply = error(new StripeError(409, "idempotency_error", "idempotency_key_in_use", "There is "
                        + "currently another in-progress request using this Idempotent Key (that probably means you "
                        + "submitted twice, and the other request is still going through): " + key + ". Please try "
                        + "again later.", null, null), fingerprint, "idempotency_error");
            } else {
                reply = first.join();
                if (!reply.fingerprint().equals(fingerprint)) {
                    reply = error(StripeError.invalid(null, "Keys for idempotent requests can only be used with the "
                            + "same parameters they were first used with. Try using a key other than '" + key
                            + "' if you meant to execute a different request.", null), fingerprint, "idempotency_error");
                } else {
                    replayed = true;
                }
            }
        }
        List<HttpHeader> headers = new ArrayList<>(List.of(
                HttpHeader.httpHeader("Content-Type", "application/json"),
                HttpHeader.httpHeader("Request-Id", Ids.next("req")),
                HttpHeader.httpHeader("Stripe-Version", PaymentIntents.API_VERSION),
                // Stripe.js calls the API from the buyer's page with the publishable key
                HttpHeader.httpHeader("Access-Control-Allow-Origin", "*")));
        if (key != null) {
            headers.add(HttpHeader.httpHeader("Idempotency-Key", key));
        }
        if (replayed) {
            headers.add(HttpHeader.httpHeader("Idempotent-Replayed", "true"));
        }
        return Response.Builder.like(response).but()
                .status(reply.status())
                .headers(new HttpHeaders(headers))
                .body(reply.json())
                .build();
    }

    private Reply execute(String action, LoggedRequest request, Response documented, String key, String fingerprint) {
        try {
            ObjectNode base = (ObjectNode) JSON.readTree(documented.getBodyAsString());
            Map<String, String> form = FormBody.parse(request.getBodyAsString());
            String id = pathId(request.getUrl());
            ObjectNode object = switch (action) {
                case "payment_intent.create" -> paymentIntents.create(base, form, key);
                case "payment_intent.confirm" -> paymentIntents.confirm(id, form, key);
                case "payment_intent.cancel" -> paymentIntents.cancel(id, form);
                case "payment_intent.retrieve" -> paymentIntents.retrieve(id);
                case "payment_intent.retrieve_client" -> paymentIntents.retrieveWithClientSecret(id,
                        request.queryParameter("client_secret").firstValue());
                case "payment_intent.authenticate" -> paymentIntents.authenticate(id, form);
                case "payment_method.create" -> paymentMethods.create(base, form);
                case "refund.create" -> refunds.create(base, form);
                default -> throw new IllegalArgumentException("unknown stand-in action " + action);
            };
            return new Reply(200, JSON.writeValueAsString(object), fingerprint);
        } catch (StripeError e) {
            return error(e, fingerprint, e.type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a mapping's response body is not JSON", e);
        }
    }

    private static Reply error(StripeError e, String fingerprint, String type) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", e.getMessage());
        if (e.code != null) {
            error.put("code", e.code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + e.code.replace('_', '-'));
        }
        if (e.param != null) {
            error.put("param", e.param);
        }
        if (e.paymentIntent instanceof ObjectNode pi) {
            error.put("decline_code", pi.path("last_payment_error").path("decline_code").asText());
            error.set("payment_intent", pi);
        }
        error.put("request_log_url", "http://127.0.0.1/stand-in/has/no/dashboard");
        return new Reply(e.status, body.toString(), fingerprint);
    }

    /** {@code /v1/payment_intents/pi_123/confirm} → {@code pi_123}; null for collection URLs. */
    private static String pathId(String url) {
        String[] parts = url.split("\\?")[0].split("/");
        return parts.length > 3 ? parts[3] : null;
    }
}
