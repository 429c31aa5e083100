package io.inviteflow.core.idea;

import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The pseudonymous key a guest's idea activities carry: 128 bits of HMAC-SHA256 over the person (their address in
 * lower case), so the model learns a person's tastes across events while Kafka, ClickHouse and the model files never
 * hold the address, and nobody without the core's key can tell whose key it is.
 */
@Component
class GuestKeys {

    private final byte[] key;

    GuestKeys(SecurityProperties properties) {
        this.key = properties.invitationKeyBytes();
    }

    String of(String personKey) {
        byte[] mac = Hmac.sha256(key, ("guest-key:" + personKey).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }
}
