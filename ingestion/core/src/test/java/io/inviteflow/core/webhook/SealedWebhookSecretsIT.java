package io.inviteflow.core.webhook;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing secrets are stored sealed: an installation of an earlier release (migrated up to V43 in a schema of its own,
 * with an endpoint whose secret is plain) is upgraded by V44, after which no column holds the secret and the sealed
 * box opens to it only on its own endpoint.
 */
class SealedWebhookSecretsIT extends CoreIntegrationTest {

    private static final String SCHEMA = "webhook_upgrade_" + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<JavaMigration> javaMigrations;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEarlierReleasesPlainSecretIsSealedByTheUpgrade() {
        try {
            migrate("43");
            UUID organizer = UUID.randomUUID();
            UUID endpoint = UUID.randomUUID();
            String secret = "whsec_" + UUID.randomUUID();
            jdbc.sql("INSERT INTO %s.organizer (id, email, email_normalized, name, password_hash) ".formatted(SCHEMA)
                            + "VALUES (:id, 'hooks@example.org', 'hooks@example.org', 'Hooks', 'x')")
                    .param("id", organizer).update();
            jdbc.sql("INSERT INTO %s.webhook_endpoint (id, organizer_id, url, secret, types) ".formatted(SCHEMA)
                            + "VALUES (:id, :org, 'https://hooks.example.org/', :secret, '{RSVP_ANSWERED}')")
                    .param("id", endpoint).param("org", organizer).param("secret", secret).update();

            migrate("44");

            List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = :schema AND table_name = 'webhook_endpoint'")
                    .param("schema", SCHEMA).query(String.class).list();
            assertThat(columns).contains("secret_sealed").doesNotContain("secret");
            byte[] sealed = jdbc.sql("SELECT secret_sealed FROM %s.webhook_endpoint".formatted(SCHEMA))
                    .query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
            assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed))
                    .as("bound to its endpoint").isInstanceOf(IllegalStateException.class);
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }

    @Test
    void aNewEndpointsSecretIsStoredSealed() {
        var api = new Api(port);
        var endpoint = api.post("/api/v1/webhooks", api.newOrganizerToken(),
                "{\"url\":\"https://hooks.example.org/\",\"types\":[\"RSVP_ANSWERED\"]}").json();
        UUID id = UUID.fromString(endpoint.get("id").asText());
        String secret = endpoint.get("secret").asText();

        byte[] sealed = jdbc.sql("SELECT secret_sealed FROM webhook_endpoint WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(secret).startsWith("whsec_");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(secrets.open(id, sealed)).isEqualTo(secret);
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target(target).load().migrate();
    }
}
