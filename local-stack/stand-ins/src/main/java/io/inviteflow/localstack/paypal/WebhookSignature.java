package io.inviteflow.localstack.paypal;

import io.inviteflow.localstack.common.WebhookSender;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * PayPal's webhook signature: the stand-in signs {@code <transmission id>|<transmission time>|<webhook id>|<CRC32 of
 * the body>} with SHA256withRSA under its own key, as PayPal does under its certificate, and sends the
 * {@code PAYPAL-TRANSMISSION-*} headers. Receivers verify by posting the headers and the event back to
 * {@code /v1/notifications/verify-webhook-signature} (PayPal's documented way); the stand-in checks with this key.
 */
final class WebhookSignature implements WebhookSender.Signer {

    static final String ALGORITHM = "SHA256withRSA";

    private final KeyPair keys;
    private final String webhookId;
    private final String certUrl;

    WebhookSignature(String webhookId, String certUrl) {
        this.webhookId = webhookId;
        this.certUrl = certUrl;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> headers(java.net.URI url, String body) {
        String transmissionId = UUID.randomUUID().toString();
        String time = Instant.now().toString();
        return Map.of("PAYPAL-TRANSMISSION-ID", transmissionId,
                "PAYPAL-TRANSMISSION-TIME", time,
                "PAYPAL-TRANSMISSION-SIG", sign(signed(transmissionId, time, webhookId, body)),
                "PAYPAL-CERT-URL", certUrl,
                "PAYPAL-AUTH-ALGO", ALGORITHM);
    }

    /** True when the signature was made by this stand-in for these values (and the webhook id is this endpoint's). */
    boolean verifies(String transmissionId, String time, String webhookId, String body, String signature,
                     String algorithm) {
        if (!ALGORITHM.equals(algorithm) || !this.webhookId.equals(webhookId) || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(signed(transmissionId, time, webhookId, body).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String signed(String transmissionId, String time, String webhookId, String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
    }

    private String sign(String signed) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
