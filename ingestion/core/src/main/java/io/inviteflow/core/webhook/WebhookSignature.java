package io.inviteflow.core.webhook;

import io.inviteflow.core.security.Hmac;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The {@code Inviteflow-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. Signing
 * the time with the body lets a receiver refuse replays of old deliveries; the scheme is the one Stripe uses, so
 * receivers know it.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String message) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                message.getBytes(StandardCharsets.UTF_8)));
    }
}
