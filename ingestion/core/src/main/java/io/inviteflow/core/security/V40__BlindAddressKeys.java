package io.inviteflow.core.security;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Keys people by blind index where earlier releases keyed them by address or number (a Java migration: the indexes
 * need the master key, so Spring Boot hands this bean to Flyway). Runs before the core serves, so no query ever sees
 * half the people keyed one way and half the other:
 * <ul>
 *   <li>invitations of earlier releases get their address's and number's indexes (V39), so their person key becomes
 *       {@code email:<index>}; their plain address and number stay until {@link LegacySealing} seals them;</li>
 *   <li>the person secrets kept under the address (or its V38 index) move to that key, re-bound to it: the secret
 *       itself stays, so the pseudonymous keys derived from it in Kafka, ClickHouse and models stay the same;</li>
 *   <li>opt-outs, mail consents and campaign recipients keyed by the address (or, a recipient, by the number) are
 *       re-keyed; yeses to texts keep the number's indexes instead of the number.</li>
 * </ul>
 * Each step only takes rows still keyed the old way, so running it again changes nothing.
 */
@Component
public class V40__BlindAddressKeys extends BaseJavaMigration {

    private static final int PAGE = 5_000;
    private static final String ADDRESS = "LIKE '%@%'";
    private static final String RECIPIENT_UNTAKEN = "AND NOT EXISTS (SELECT 1 FROM campaign_recipient x "
            + "WHERE x.campaign_id = campaign_recipient.campaign_id AND x.person_key = ?)";

    private final BlindIndex index;
    private final SecretBox box;

    V40__BlindAddressKeys(BlindIndex index, SecretBox box) {
        this.index = index;
        this.box = box;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        keyByIndex(context.getConnection());
    }

    /** Everything still keyed by an address or number, keyed by its index (in the connection's transaction). */
    public void keyByIndex(Connection db) throws SQLException {
        indexInvitations(db);
        moveLeftoverSecrets(db);
        rekey(db, "marketing_opt_out", "email_normalized", ADDRESS, index::personKeyOfEmail,
                "AND NOT EXISTS (SELECT 1 FROM marketing_opt_out x WHERE x.email_normalized = ?)");
        rekey(db, "mail_consent", "email_normalized", ADDRESS, index::personKeyOfEmail, "");
        rekey(db, "campaign_recipient", "person_key", ADDRESS, index::personKeyOfEmail, RECIPIENT_UNTAKEN);
        rekey(db, "campaign_recipient", "person_key", "LIKE 'tel:+%'", this::textedKey, RECIPIENT_UNTAKEN);
        indexSmsConsents(db);
        try (Statement cleanUp = db.createStatement()) {
            // an address that opted out twice (two ways of writing it): kept once, under its index
            cleanUp.executeUpdate("DELETE FROM marketing_opt_out WHERE email_normalized " + ADDRESS);
            cleanUp.execute("DROP INDEX IF EXISTS person_secret_plain");
        }
    }

    private record Plain(UUID id, String email, String lowerEmail, String phone) {
    }

    /** Invitations a page at a time, each page's secrets moved with it. */
    private void indexInvitations(Connection db) throws SQLException {
        UUID after = new UUID(0, 0); // the least in PostgreSQL's order (it compares bytes unsigned)
        List<Plain> page;
        do {
            page = new ArrayList<>();
            try (PreparedStatement read = db.prepareStatement("""
                    SELECT id, guest_email, lower(guest_email), guest_phone FROM invitation
                    WHERE id > ? AND (guest_email IS NOT NULL AND email_index IS NULL
                                      OR guest_phone IS NOT NULL AND phone_index IS NULL)
                    ORDER BY id LIMIT ?""")) {
                read.setObject(1, after);
                read.setInt(2, PAGE);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Plain(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE invitation SET email_index = ?, phone_index = ?, e164_index = ? WHERE id = ?")) {
                for (Plain p : page) {
                    update.setBytes(1, index.ofEmail(p.email()));
                    update.setBytes(2, index.ofNumber(p.phone()));
                    update.setBytes(3, index.ofMobile(p.phone()));
                    update.setObject(4, p.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            Map<String, Set<String>> newKeys = new LinkedHashMap<>();
            for (Plain p : page) {
                String key = index.personKeyOfEmail(p.email()); // null without an address
                if (key != null) {
                    newKeys.computeIfAbsent(p.lowerEmail(), k -> new LinkedHashSet<>()).add(key);
                }
            }
            moveSecrets(db, newKeys);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).id();
            }
        } while (page.size() == PAGE);
    }

    /**
     * @param newKeys the new person keys of each address as PostgreSQL lower-cased it (the old person key): one,
     *                unless Java's lower case tells apart what PostgreSQL's did not
     */
    private void moveSecrets(Connection db, Map<String, Set<String>> newKeys) throws SQLException {
        if (newKeys.isEmpty()) {
            return;
        }
        Map<String, String> oldKeyOfRow = new HashMap<>();
        for (String oldKey : newKeys.keySet()) {
            oldKeyOfRow.put(oldKey, oldKey);
            oldKeyOfRow.put(BlindIndex.EMAIL_KEY + HexFormat.of().formatHex(index.ofLegacyPersonKey(oldKey)),
                    oldKey);
        }
        Map<String, byte[]> secretOf = new HashMap<>();
        try (PreparedStatement read = db.prepareStatement(
                "SELECT person_key, sealed FROM person_secret WHERE person_key = ANY(?) ORDER BY person_key LIKE '%@%'")) {
            read.setArray(1, db.createArrayOf("text", oldKeyOfRow.keySet().toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) { // V38's row under the index first: the one read when both were there
                    String oldKey = oldKeyOfRow.get(rs.getString(1));
                    secretOf.putIfAbsent(oldKey, box.open(rs.getBytes(2), PersonSecrets.boundTo(oldKey)));
                }
            }
        }
        Map<String, byte[]> moved = new LinkedHashMap<>();
        secretOf.forEach((oldKey, secret) -> newKeys.get(oldKey).forEach(newKey -> moved.putIfAbsent(newKey, secret)));
        store(db, moved);
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM person_secret WHERE person_key = ANY(?)")) {
            delete.setArray(1, db.createArrayOf("text", oldKeyOfRow.keySet().toArray()));
            delete.executeUpdate();
        }
    }

    /** Secrets kept under an address no invitation has any more: keyed by its index all the same. */
    private void moveLeftoverSecrets(Connection db) throws SQLException {
        Map<String, Set<String>> newKeys = new LinkedHashMap<>();
        try (Statement read = db.createStatement();
             ResultSet rs = read.executeQuery("SELECT person_key FROM person_secret WHERE person_key LIKE '%@%'")) {
            while (rs.next()) {
                newKeys.put(rs.getString(1), Set.of(index.personKeyOfEmail(rs.getString(1))));
            }
        }
        moveSecrets(db, newKeys);
    }

    private void store(Connection db, Map<String, byte[]> secrets) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO person_secret (person_key, sealed) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
                insert.setString(1, secret.getKey());
                insert.setBytes(2, box.seal(secret.getValue(), PersonSecrets.boundTo(secret.getKey())));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Rows of {@code table} whose {@code column} matches {@code old} (SQL), keyed by {@code newKey} of it. A row whose
     * new key is taken already ({@code unlessTaken}, SQL given the new key) stays as it was.
     */
    private void rekey(Connection db, String table, String column, String old, UnaryOperator<String> newKey,
                       String unlessTaken) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement read = db.createStatement();
             ResultSet rs = read.executeQuery("SELECT DISTINCT %1$s FROM %2$s WHERE %1$s %3$s"
                     .formatted(column, table, old))) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE %1$s SET %2$s = ? WHERE %2$s = ? %3$s"
                .formatted(table, column, unlessTaken))) {
            for (String key : keys) {
                String fresh = newKey.apply(key);
                update.setString(1, fresh);
                update.setString(2, key);
                if (!unlessTaken.isEmpty()) {
                    update.setString(3, fresh);
                }
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** A campaign counted a person once: a recipient keyed by a number ({@code tel:+…}) keyed by its index. */
    private String textedKey(String telKey) {
        return "tel:" + HexFormat.of().formatHex(index.ofNumber(telKey.substring("tel:".length())));
    }

    /** Yeses to texts: the number's indexes kept, the number (on the invitation, sealed) no longer. */
    private void indexSmsConsents(Connection db) throws SQLException {
        List<Object[]> plain = new ArrayList<>();
        try (Statement read = db.createStatement();
             ResultSet rs = read.executeQuery(
                     "SELECT invitation_id, phone, phone_e164 FROM sms_consent WHERE phone IS NOT NULL")) {
            while (rs.next()) {
                plain.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)});
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE sms_consent SET phone_index = ?, e164_index = ?, "
                + "phone = NULL, phone_e164 = NULL WHERE invitation_id = ?")) {
            for (Object[] row : plain) {
                update.setBytes(1, index.ofNumber((String) row[1]));
                update.setBytes(2, index.ofMobile((String) row[2])); // V37 kept some as written
                update.setObject(3, row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
