package io.inviteflow.core.webhook;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Seals the signing secrets earlier releases kept plainly ({@code webhook_endpoint.secret}) into
 * {@code secret_sealed}, then drops the plain column: a Java migration, since sealing needs the master key (Spring
 * Boot hands this bean to Flyway). Endpoints are few; all of them in the migration's one transaction.
 */
@Component
public class V44__SealedWebhookSecrets extends BaseJavaMigration {

    private final WebhookSecrets secrets;

    V44__SealedWebhookSecrets(WebhookSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE webhook_endpoint ADD COLUMN secret_sealed bytea");
        }
        try (Statement read = db.createStatement();
             ResultSet plain = read.executeQuery("SELECT id, secret FROM webhook_endpoint");
             PreparedStatement seal = db.prepareStatement(
                     "UPDATE webhook_endpoint SET secret_sealed = ? WHERE id = ?")) {
            while (plain.next()) {
                UUID id = plain.getObject(1, UUID.class);
                seal.setBytes(1, secrets.seal(id, plain.getString(2)));
                seal.setObject(2, id);
                seal.addBatch();
            }
            seal.executeBatch();
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE webhook_endpoint ALTER COLUMN secret_sealed SET NOT NULL");
            ddl.execute("ALTER TABLE webhook_endpoint DROP COLUMN secret");
        }
    }
}
