package io.inviteflow.core.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * The pseudonymous key a guest's idea activities carry: 128 bits of HMAC-SHA256 under the person's own secret
 * ({@code person_secret}, made on first use), so the model learns a person's tastes across events while Kafka,
 * ClickHouse and the model files never hold the address. Erasing the person destroys the secret: nobody, not even
 * with the core's keys and the address, can then tell which key was theirs. Guest pages ask for the key on every
 * render: secrets are kept in memory for a minute (an erasure forgets them here at once; another instance within
 * that minute, when every link of the person is dead already).
 */
@Component
public class GuestKeys {

    private static final int SECRET_BYTES = 32;
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, byte[]> secrets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    GuestKeys(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** @param personKey who the guest is to campaigns: their address in lower case, or {@code invitation:<id>} */
    public String of(String personKey) {
        byte[] mac = Hmac.sha256(secrets.get(personKey, this::secretOf), "guest-key".getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    /** After an erasure destroyed their secrets. */
    void forget(Collection<String> personKeys) {
        secrets.invalidateAll(personKeys);
    }

    private byte[] secretOf(String personKey) {
        byte[] boundTo = ("person-secret:" + personKey).getBytes(StandardCharsets.UTF_8);
        Optional<byte[]> sealed = stored(personKey);
        if (sealed.isEmpty()) {
            byte[] fresh = new byte[SECRET_BYTES];
            random.nextBytes(fresh);
            // two first uses at once: one insert wins, both read the winner's
            jdbc.sql("INSERT INTO person_secret (person_key, sealed) VALUES (:person, :sealed) ON CONFLICT DO NOTHING")
                    .param("person", personKey).param("sealed", box.seal(fresh, boundTo)).update();
            sealed = stored(personKey);
        }
        return box.open(sealed.orElseThrow(), boundTo);
    }

    private Optional<byte[]> stored(String personKey) {
        return jdbc.sql("SELECT sealed FROM person_secret WHERE person_key = :person").param("person", personKey)
                .query(byte[].class).optional();
    }
}
