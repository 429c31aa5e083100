package io.inviteflow.batch.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one Web Push message to one browser's push service: the payload encrypted to the subscription's keys
 * (RFC 8291, aes128gcm) and signed for our server with VAPID (RFC 8292) by the {@code com.interaso:webpush} library,
 * posted with the JDK's HTTP client (RFC 8030). What the push service answered decides what happens next: 201 taken,
 * 404/410 the subscription is gone for good, anything else try again later.
 */
@Component
@EnableConfigurationProperties(PushProperties.class)
public class WebPushSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebPush webPush;
    private final PushProperties properties;
    private final HttpClient http;

    WebPushSender(PushProperties properties) {
        this.properties = properties;
        this.webPush = new WebPush(properties.subject(),
                VapidKeys.fromUncompressedBytes(properties.vapidPublicKey(), properties.vapidPrivateKey()));
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    public enum Result { ACCEPTED, GONE, FAILED }

    public record Outcome(Result result, String detail) {
    }

    public Outcome send(PushTarget target, PushMessage message) {
        try {
            byte[] body = webPush.getBody(payload(message, target), decode(target.p256dh()), decode(target.auth()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint()))
                    .timeout(properties.timeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            // one notification per reminder and guest: a retried push replaces the one not yet shown (Topic)
            headers(target.endpoint(), message).forEach(request::header);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return new Outcome(Result.ACCEPTED, null);
            }
            if (status == 404 || status == 410) {
                return new Outcome(Result.GONE, "the push service answered " + status);
            }
            return new Outcome(Result.FAILED, "the push service answered " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(Result.FAILED, "push not sent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Result.FAILED, "interrupted");
        }
    }

    private Map<String, String> headers(String endpoint, PushMessage message) {
        Map<String, String> headers = new LinkedHashMap<>(webPush.getHeaders(endpoint,
                (int) properties.ttl().toSeconds(), topic(message), WebPush.Urgency.Normal));
        headers.remove("Content-Length"); // the HTTP client sets it; it refuses it as a header
        return headers;
    }

    /** What the service worker shows: {@code {title, body, url, lang}} (see the core's guest/sw.js). */
    private static byte[] payload(PushMessage message, PushTarget target) throws IOException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("title", message.title());
        payload.put("body", message.body());
        payload.put("url", message.url());
        payload.put("lang", target.locale() == null ? "en" : target.locale());
        return JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** A Topic header is at most 32 URL-safe characters: a hash of the delivery's identity. */
    private static String topic(PushMessage message) {
        return Integer.toUnsignedString(message.ledger().idempotencyKey().hashCode(), 36);
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
    }
}
