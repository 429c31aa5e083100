package io.inviteflow.core.security;

import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code person_secret} names no one: a guest known by their address has their secret stored under the address's
 * blind index. One an earlier release stored under the address is still found, then moved at start-up.
 */
class PersonSecretKeysIT extends CoreIntegrationTest {

    @Autowired
    PersonSecrets secrets;
    @Autowired
    SecretBox box;
    @Autowired
    BlindIndex index;
    @Autowired
    LegacySealing legacy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressesSecretIsStoredUnderItsBlindIndexAndOneStoredUnderTheAddressIsFoundThenMoved() {
        String fresh = "fresh-" + UUID.randomUUID() + "@example.org";
        secrets.of(fresh);
        assertThat(rows(fresh)).isZero();
        assertThat(rows(blind(fresh))).isOne();
        assertThat(secrets.findAll(java.util.List.of(fresh))).containsKey(fresh);

        // as an earlier release stored it: under the address itself
        String old = "old-" + UUID.randomUUID() + "@example.org";
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        jdbc.sql("INSERT INTO person_secret (person_key, sealed) VALUES (:key, :sealed)").param("key", old)
                .param("sealed", box.seal(secret, ("person-secret:" + old).getBytes(StandardCharsets.UTF_8))).update();
        assertThat(secrets.find(old)).as("found under the address until it is moved").hasValue(secret);
        assertThat(secrets.of(old)).as("no second secret made for them").isEqualTo(secret);

        assertThat(legacy.sealAll()).isPositive();
        assertThat(rows(old)).isZero();
        byte[] moved = jdbc.sql("SELECT sealed FROM person_secret WHERE person_key = :key").param("key", blind(old))
                .query(byte[].class).single();
        assertThat(box.open(moved, ("person-secret:" + old).getBytes(StandardCharsets.UTF_8))).isEqualTo(secret);
        assertThat(jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key LIKE '%@%'").query(Long.class)
                .single()).as("no address left in the table").isZero();

        assertThat(secrets.destroy(java.util.List.of(old, fresh))).isEqualTo(2);
        assertThat(rows(blind(old)) + rows(blind(fresh))).isZero();
    }

    private String blind(String address) {
        return "email:" + HexFormat.of().formatHex(index.ofPersonKey(address));
    }

    private long rows(String key) {
        return jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
