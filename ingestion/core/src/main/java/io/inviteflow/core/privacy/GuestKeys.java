package io.inviteflow.core.privacy;

import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.PersonSecrets;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The pseudonymous key a guest's idea activities carry: 128 bits of HMAC-SHA256 under the person's own secret
 * ({@link PersonSecrets}), so the model learns a person's tastes across events while Kafka, ClickHouse and the model
 * files never hold the address. Erasing the person destroys the secret: nobody, not even with the core's keys and
 * the address, can then tell which key was theirs.
 */
@Component
public class GuestKeys {

    private final PersonSecrets secrets;

    GuestKeys(PersonSecrets secrets) {
        this.secrets = secrets;
    }

    /** @param personKey who the guest is to campaigns: their address in lower case, or {@code invitation:<id>} */
    public String of(String personKey) {
        byte[] mac = Hmac.sha256(secrets.of(personKey), "guest-key".getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }
}
