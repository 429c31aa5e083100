package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Indexes the addresses of accounts made before V46 (a Java migration: the index needs the master key, so Spring Boot
 * hands this bean to Flyway), before the core serves: from then on an account is found by its index alone. Their plain
 * address and name stay until start-up seals them ({@link PlainOrganizers}). Only unindexed rows are read: running it
 * again changes nothing.
 */
@Component
public class V47__OrganizerEmailIndexes extends BaseJavaMigration {

    private final BlindIndex index;

    V47__OrganizerEmailIndexes(BlindIndex index) {
        this.index = index;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        indexAccounts(context.getConnection());
    }

    /** Every account without an index gets its address's (in the connection's transaction). */
    public void indexAccounts(Connection db) throws SQLException {
        Map<UUID, String> plain = new LinkedHashMap<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT id, email FROM organizer WHERE email_index IS NULL AND email IS NOT NULL");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                plain.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE organizer SET email_index = ? WHERE id = ?")) {
            for (Map.Entry<UUID, String> account : plain.entrySet()) {
                update.setBytes(1, index.ofEmail(account.getValue()));
                update.setObject(2, account.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
