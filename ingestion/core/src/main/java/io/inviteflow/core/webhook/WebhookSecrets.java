package io.inviteflow.core.webhook;

import io.inviteflow.core.security.SecretBox;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Endpoints' signing secrets as stored: sealed under the master key ({@link SecretBox}) and bound to their endpoint, so
 * a copy of the database signs nothing, and a box moved onto another endpoint's row does not open.
 */
@Component
class WebhookSecrets {

    private final SecretBox box;

    WebhookSecrets(SecretBox box) {
        this.box = box;
    }

    byte[] seal(UUID endpointId, String secret) {
        return box.seal(secret.getBytes(StandardCharsets.UTF_8), boundTo(endpointId));
    }

    String open(UUID endpointId, byte[] sealed) {
        return new String(box.open(sealed, boundTo(endpointId)), StandardCharsets.UTF_8);
    }

    private static byte[] boundTo(UUID endpointId) {
        return ("webhook-endpoint:" + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
