package io.inviteflow.core.webhook;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.ScratchSchema;
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
        try (var earlier = new ScratchSchema(dataSource, javaMigrations, jdbc)) {
            String schema = earlier.name();
            earlier.migrateTo("43");
            UUID organizer = UUID.randomUUID();
            UUID endpoint = UUID.randomUUID();
            String secret = "whsec_" + UUID.randomUUID();
            jdbc.sql("INSERT INTO %s.organizer (id, email, email_normalized, name, password_hash) ".formatted(schema)
                            + "VALUES (:id, 'hooks@example.org', 'hooks@example.org', 'Hooks', 'x')")
                    .param("id", organizer).update();
            jdbc.sql("INSERT INTO %s.webhook_endpoint (id, organizer_id, url, secret, types) ".formatted(schema)
                            + "VALUES (:id, :org, 'https://hooks.example.org/', :secret, '{RSVP_ANSWERED}')")
                    .param("id", endpoint).param("org", organizer).param("secret", secret).update();

            earlier.migrateTo("44");

            List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = :schema AND table_name = 'webhook_endpoint'")
                    .param("schema", schema).query(String.class).list();
            assertThat(columns).contains("secret_sealed").doesNotContain("secret");
            byte[] sealed = jdbc.sql("SELECT secret_sealed FROM %s.webhook_endpoint".formatted(schema))
                    .query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
            assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed))
                    .as("bound to its endpoint").isInstanceOf(IllegalStateException.class);
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
}
