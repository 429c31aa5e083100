package io.inviteflow.core.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Person secrets an earlier release stored under the person's address: moved under its blind index
 * ({@link PersonSecrets#rowKey}), so {@code person_secret} names no one. Until then they are found under the address.
 */
@Component
class PlainSecretKeys implements LegacySealing.PlainRows {

    private final JdbcClient jdbc;
    private final PersonSecrets secrets;

    PlainSecretKeys(JdbcClient jdbc, PersonSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public int sealChunk(int limit) {
        List<String> addresses = jdbc.sql("SELECT person_key FROM person_secret WHERE person_key LIKE '%@%' "
                        + "LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit).query(String.class).list();
        for (String address : addresses) {
            int moved = jdbc.sql("UPDATE person_secret SET person_key = :row WHERE person_key = :address "
                            + "AND NOT EXISTS (SELECT 1 FROM person_secret WHERE person_key = :row)")
                    .param("row", secrets.rowKey(address)).param("address", address).update();
            if (moved == 0) { // one under the blind index already, and it is the one read: this one only names them
                jdbc.sql("DELETE FROM person_secret WHERE person_key = :address").param("address", address).update();
            }
        }
        return addresses.size();
    }
}
