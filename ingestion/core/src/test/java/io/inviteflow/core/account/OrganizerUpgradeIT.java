package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.ScratchSchema;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading an installation of an earlier release (migrated to V45 in a schema of its own) through V46 and V47: every
 * account gets its address's index, also when two addresses of earlier releases differ only by a Unicode space (which
 * the index strips and the uniqueness of those releases did not): the confirmed one keeps it and the upgrade goes on;
 * the sign-in counts kept by address in clear are dropped.
 */
class OrganizerUpgradeIT extends CoreIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    List<JavaMigration> javaMigrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;

    @Test
    void everyAccountIsIndexedAndTwinAddressesDoNotStopTheUpgrade() {
        try (var earlier = new ScratchSchema(dataSource, javaMigrations, jdbc)) {
            earlier.migrateTo("45");
            UUID confirmed = account(earlier, "ada@example.org", true, "2024-01-02");
            UUID twin = account(earlier, "\u2003ada@example.org", false, "2023-05-06");
            UUID other = account(earlier, "Grace@Example.org", false, "2024-03-04");
            jdbc.sql("INSERT INTO %s.sign_in_throttle (email_key, attempts, last_attempt_at) ".formatted(earlier.name())
                    + "VALUES ('ada@example.org', 3, now())").update();

            earlier.migrateTo("47");

            assertThat(indexOf(earlier, confirmed)).isEqualTo(index.ofEmail("ada@example.org"));
            assertThat(indexOf(earlier, twin)).as("the other of the twins keeps none").isNull();
            assertThat(indexOf(earlier, other)).isEqualTo(index.ofEmail("grace@example.org"));
            assertThat(jdbc.sql("SELECT count(*) FROM %s.sign_in_throttle".formatted(earlier.name())).query(Long.class)
                    .single()).isZero();
        }
    }

    private UUID account(ScratchSchema schema, String email, boolean confirmed, String createdOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql(("INSERT INTO %s.organizer (id, email, email_normalized, name, password_hash, created_at, "
                        + "email_verified_at) VALUES (:id, :email, :normalized, 'Ada', 'x', CAST(:created AS date), "
                        + "CASE WHEN :confirmed THEN now() END)").formatted(schema.name()))
                .param("id", id).param("email", email).param("normalized", email.trim().toLowerCase())
                .param("created", createdOn).param("confirmed", confirmed).update();
        return id;
    }

    private byte[] indexOf(ScratchSchema schema, UUID id) {
        return jdbc.sql("SELECT email_index FROM %s.organizer WHERE id = :id".formatted(schema.name())).param("id", id)
                .query((rs, n) -> rs.getBytes(1)).list().get(0); // single() takes no null
    }
}
