package io.inviteflow.localstack.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.inviteflow.localstack.common.Bounded;
import io.inviteflow.localstack.common.FormBody;
import io.inviteflow.localstack.common.Ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The state behind the mappings: each mapping names its {@code action}, this answers it as PayPal's REST API does.
 * <p>
 * Authentication as PayPal documents it: a client-credentials token from {@code /v1/oauth2/token} (any client id and
 * secret here), then {@code Authorization: Bearer <token>} on every call; an unknown token gets 401
 * {@code invalid_token}. Idempotency: a POST repeated with the same {@code PayPal-Request-Id} gets the first answer
 * again and changes nothing.
 */
final class PayPalApi implements ResponseTransformerV2 {

    private static final int TOKEN_SECONDS = 32_400;

    private final CheckoutOrders orders;
    private final WebhookSignature signature;
    private final Map<String, Long> tokens = Bounded.map(10_000);
    private final Map<String, CompletableFuture<Reply>> idempotent = Bounded.map(100_000);

    PayPalApi(CheckoutOrders orders, WebhookSignature signature) {
        this.orders = orders;
        this.signature = signature;
    }

    private record Reply(int status, String body, String contentType, String location) {

        static Reply json(int status, JsonNode body) {
            return new Reply(status, body.toString(), "application/json", null);
        }

        static Reply redirect(String location) {
            return new Reply(302, "", "text/plain", location);
        }
    }

    @Override
    public String getName() {
        return "paypal";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String action = event.getTransformerParameters().getString("action");
        String key = request.containsHeader("PayPal-Request-Id") ? request.getHeader("PayPal-Request-Id") : null;
        Reply reply;
        if (!action.startsWith("buyer.") && !"token".equals(action) && !authorised(request)) {
            reply = Reply.json(401, CheckoutOrders.JSON.createObjectNode().put("error", "invalid_token")
                    .put("error_description", "Token signature verification failed"));
        } else if (key == null || !"POST".equals(request.getMethod().value())) {
            reply = execute(action, request);
        } else {
            CompletableFuture<Reply> mine = new CompletableFuture<>();
            CompletableFuture<Reply> first = idempotent.putIfAbsent(key + " " + request.getUrl(), mine);
            if (first == null) {
                try {
                    reply = execute(action, request);
                } catch (RuntimeException e) {
                    idempotent.remove(key + " " + request.getUrl()); // a crash answers nothing: a retry runs anew
                    mine.completeExceptionally(e);
                    throw e;
                }
                mine.complete(reply);
            } else {
                reply = first.join();
            }
        }
        List<HttpHeader> headers = new ArrayList<>(List.of(
                HttpHeader.httpHeader("Content-Type", reply.contentType()),
                HttpHeader.httpHeader("Paypal-Debug-Id", Ids.capitals(13).toLowerCase())));
        if (reply.location() != null) {
            headers.add(HttpHeader.httpHeader("Location", reply.location()));
        }
        return Response.Builder.like(response).but()
                .status(reply.status())
                .headers(new HttpHeaders(headers))
                .body(reply.body())
                .build();
    }

    private Reply execute(String action, LoggedRequest request) {
        try {
            String id = pathId(request.getUrl());
            return switch (action) {
                case "token" -> token(request);
                case "order.create" -> Reply.json(201, orders.create(body(request)));
                case "order.get" -> Reply.json(200, orders.get(id));
                case "order.capture" -> Reply.json(201, orders.capture(id));
                case "capture.refund" -> Reply.json(201, orders.refund(id, body(request)));
                case "webhook.verify" -> Reply.json(200, verify(body(request)));
                case "buyer.page" -> new Reply(200, ApprovalPage.html(orders.get(query(request, "token"))),
                        "text/html; charset=utf-8", null);
                case "buyer.approve" -> {
                    Map<String, String> form = FormBody.parse(request.getBodyAsString());
                    yield Reply.redirect(orders.approve(form.get("token"), form.get("funding")));
                }
                case "buyer.cancel" -> Reply.redirect(orders.cancelUrl(
                        FormBody.parse(request.getBodyAsString()).get("token")));
                default -> throw new IllegalArgumentException("unknown stand-in action " + action);
            };
        } catch (PayPalError e) {
            return error(e);
        } catch (IOException e) {
            return error(PayPalError.invalidRequest("MALFORMED_REQUEST_JSON", "The request JSON is not well "
                    + "formed."));
        }
    }

    private Reply token(LoggedRequest request) {
        String auth = request.containsHeader("Authorization") ? request.getHeader("Authorization") : "";
        String credentials = auth.startsWith("Basic ") ? decode(auth.substring(6)) : "";
        if (!credentials.matches("[^:]+:.+")
                || !"client_credentials".equals(FormBody.parse(request.getBodyAsString()).get("grant_type"))) {
            return Reply.json(401, CheckoutOrders.JSON.createObjectNode().put("error", "invalid_client")
                    .put("error_description", "Client Authentication failed"));
        }
        String token = "A21AA" + Ids.next("s").substring(2) + Ids.next("s").substring(2);
        tokens.put(token, System.currentTimeMillis() + TOKEN_SECONDS * 1000L);
        ObjectNode body = CheckoutOrders.JSON.createObjectNode();
        body.put("scope", "https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/"
                + "payments/refund https://uri.paypal.com/services/notifications/webhooks");
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("app_id", "APP-80W284485P519543T");
        body.put("expires_in", TOKEN_SECONDS);
        body.put("nonce", java.time.Instant.now() + Ids.capitals(12));
        return Reply.json(200, body);
    }

    private boolean authorised(LoggedRequest request) {
        String auth = request.containsHeader("Authorization") ? request.getHeader("Authorization") : "";
        Long until = auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        return until != null && until > System.currentTimeMillis();
    }

    /** {@code POST /v1/notifications/verify-webhook-signature}: SUCCESS when the stand-in signed exactly this. */
    private ObjectNode verify(JsonNode request) {
        boolean ok = signature.verifies(request.path("transmission_id").asText(),
                request.path("transmission_time").asText(), request.path("webhook_id").asText(),
                request.path("webhook_event").toString(), request.path("transmission_sig").asText(null),
                request.path("auth_algo").asText());
        return CheckoutOrders.JSON.createObjectNode().put("verification_status", ok ? "SUCCESS" : "FAILURE");
    }

    private static Reply error(PayPalError e) {
        ObjectNode body = CheckoutOrders.JSON.createObjectNode();
        body.put("name", e.name);
        ObjectNode detail = body.putArray("details").addObject();
        detail.put("issue", e.issue);
        detail.put("description", e.getMessage());
        body.put("message", e.message());
        body.put("debug_id", Ids.capitals(13).toLowerCase());
        ObjectNode link = body.putArray("links").addObject();
        link.put("href", "https://developer.paypal.com/docs/api/orders/v2/#error-" + e.issue);
        link.put("rel", "information_link");
        link.put("method", "GET");
        return Reply.json(e.status, body);
    }

    private static JsonNode body(LoggedRequest request) throws IOException {
        String body = request.getBodyAsString();
        return body == null || body.isBlank() ? CheckoutOrders.JSON.createObjectNode()
                : CheckoutOrders.JSON.readTree(body);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String query(LoggedRequest request, String name) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    /** {@code /v2/checkout/orders/5O19…/capture} → {@code 5O19…}; null for collection URLs. */
    private static String pathId(String url) {
        String[] parts = url.split("\\?")[0].split("/");
        return parts.length > 4 ? parts[4] : null;
    }
}
