package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Indexes the addresses of accounts made before V46 (a Java migration: the index needs the master key, so Spring Boot
 * hands this bean to Flyway), before the core serves: from then on an account is found by its index alone. Their plain
 * address and name stay until start-up seals them ({@link PlainOrganizers}). Only unindexed rows are read: running it
 * again changes nothing.
 *
 * <p>Earlier releases kept addresses unique as trimmed and lower-cased; the index also strips Unicode spaces, so two
 * accounts may share one (" ada@example.org" with an em space, and "ada@example.org"). The index then goes to one of
 * them — the account whose address is confirmed, else the oldest — and the others are logged and keep none: they no
 * longer sign in, and an operator decides what becomes of them. The upgrade does not stop on them.
 */
@Component
public class V47__OrganizerEmailIndexes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V47__OrganizerEmailIndexes.class);

    private final BlindIndex index;

    V47__OrganizerEmailIndexes(BlindIndex index) {
        this.index = index;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        indexAccounts(context.getConnection());
    }

    private record Account(UUID id, String email) {
    }

    /** Every account without an index gets its address's, one account per index (in the connection's transaction). */
    public void indexAccounts(Connection db) throws SQLException {
        Map<String, UUID> taken = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT encode(email_index, 'hex'), id FROM organizer WHERE email_index IS NOT NULL");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                taken.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
        }
        List<Account> plain = new ArrayList<>();
        try (PreparedStatement read = db.prepareStatement("""
                SELECT id, email FROM organizer WHERE email_index IS NULL AND email IS NOT NULL
                ORDER BY email_verified_at IS NULL, created_at, id""");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                plain.add(new Account(rs.getObject(1, UUID.class), rs.getString(2)));
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE organizer SET email_index = ? WHERE id = ?")) {
            for (Account account : plain) { // confirmed first, then oldest: the first of an index keeps it
                byte[] of = index.ofEmail(account.email());
                UUID holder = taken.putIfAbsent(HexFormat.of().formatHex(of), account.id());
                if (holder != null) {
                    log.warn("organizer {} keeps no address index: its address is the same as organizer {}'s but for "
                            + "case or spaces; it cannot sign in until an operator resolves the two", account.id(),
                            holder);
                    continue;
                }
                update.setBytes(1, of);
                update.setObject(2, account.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
