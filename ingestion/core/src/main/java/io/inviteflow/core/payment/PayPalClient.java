package io.inviteflow.core.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * PayPal's REST API over HTTP (PayPal publishes no maintained Java SDK for Orders v2 on Maven Central): an OAuth2
 * client-credentials token kept until a minute before it expires, JSON in and out. A call that got no answer, or a 5xx,
 * is tried twice more with the same {@code PayPal-Request-Id}, so PayPal does it at most once (as stripe-java does).
 */
@Component
class PayPalClient {

    private static final int ATTEMPTS = 3;

    private final PaymentProperties.PayPal config;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile Token token;

    private record Token(String value, Instant renewAfter) {
    }

    /** PayPal refused the call; {@code issue} is the first detail's ({@code INSTRUMENT_DECLINED}) or the name. */
    static final class Refusal extends Exception {
        final int status;
        final String issue;

        Refusal(int status, String issue, String message) {
            super(message);
            this.status = status;
            this.issue = issue;
        }
    }

    PayPalClient(PaymentProperties properties, ObjectMapper json) {
        this.config = properties.paypal();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    JsonNode get(String path) throws Refusal {
        return call("GET", path, null, null);
    }

    /** POSTs {@code body} (an object for Jackson, or JSON text as it is) with the idempotency key given. */
    JsonNode post(String path, Object body, String requestId) throws Refusal {
        return call("POST", path, body, requestId);
    }

    private JsonNode call(String method, String path, Object body, String requestId) throws Refusal {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = send(method, path, body, requestId, false);
                if (response.statusCode() == 401) { // the token was revoked or PayPal forgot it: one fresh try
                    token = null;
                    response = send(method, path, body, requestId, true);
                }
                if (response.statusCode() / 100 == 2) {
                    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
                }
                if (response.statusCode() < 500) {
                    throw refusal(response);
                }
                lastFailure = new IOException("PayPal answered " + response.statusCode() + ": " + response.body());
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(PayPalGateway.NAME, null, "interrupted calling PayPal", e);
            }
        }
        throw new GatewayException(PayPalGateway.NAME, null, "PayPal " + method + " " + path + " failed: "
                + lastFailure.getMessage(), lastFailure);
    }

    private HttpResponse<String> send(String method, String path, Object body, String requestId, boolean fresh)
            throws IOException, InterruptedException, Refusal {
        String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.apiBase() + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token(fresh))
                .header("Content-Type", "application/json")
                .header("Prefer", "return=representation")
                .method(method, body == null && "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(boolean fresh) throws IOException, InterruptedException, Refusal {
        Token current = token;
        if (!fresh && current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        String credentials = Base64.getEncoder().encodeToString((config.clientId() + ":" + config.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.apiBase()
                        + "/v1/oauth2/token"))
                .timeout(config.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        JsonNode answer = json.readTree(response.body());
        long seconds = answer.path("expires_in").asLong(300);
        Token renewed = new Token(answer.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(0, seconds - 60)));
        token = renewed;
        return renewed.value();
    }

    /** PayPal's error shapes: {@code {name, details: [{issue, description}], message}} or OAuth's {@code {error}}. */
    private Refusal refusal(HttpResponse<String> response) {
        try {
            JsonNode error = json.readTree(response.body());
            JsonNode detail = error.path("details").path(0);
            String issue = detail.path("issue").asText(error.path("name").asText(error.path("error").asText(
                    "HTTP_" + response.statusCode())));
            String message = detail.path("description").asText(error.path("message").asText(
                    error.path("error_description").asText(response.body())));
            return new Refusal(response.statusCode(), issue, message);
        } catch (IOException e) {
            return new Refusal(response.statusCode(), "HTTP_" + response.statusCode(), response.body());
        }
    }
}
