package io.inviteflow.localstack.stripe;

import io.inviteflow.localstack.common.WebhookSender;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" under the
 * endpoint's signing secret>}.
 */
final class StripeSignature implements WebhookSender.Signer {

    private final byte[] secret;

    StripeSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> headers(java.net.URI url, String body) {
        long t = System.currentTimeMillis() / 1000;
        return Map.of("Stripe-Signature", "t=" + t + ",v1=" + hmac(t + "." + body));
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
