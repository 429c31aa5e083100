package io.inviteflow.core.account;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class OrganizerRepository {

    private final JdbcClient jdbc;

    OrganizerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the email is taken (the unique index decides, so concurrent signups are safe) */
    boolean insert(Organizer organizer, String passwordHash) {
        try {
            jdbc.sql("""
                            INSERT INTO organizer (id, email, email_normalized, name, password_hash)
                            VALUES (:id, :email, :normalized, :name, :hash)""")
                    .param("id", organizer.id())
                    .param("email", organizer.email())
                    .param("normalized", normalizeEmail(organizer.email()))
                    .param("name", organizer.name())
                    .param("hash", passwordHash)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Organizer> find(UUID id) {
        return jdbc.sql("SELECT id, email, name FROM organizer WHERE id = :id").param("id", id)
                .query((rs, row) -> new Organizer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    Optional<StoredCredentials> findCredentials(String email) {
        return jdbc.sql("SELECT id, email, password_hash FROM organizer WHERE email_normalized = :email")
                .param("email", normalizeEmail(email))
                .query((rs, i) -> new StoredCredentials(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3)))
                .optional();
    }

    Optional<StoredCredentials> findCredentials(UUID id) {
        return jdbc.sql("SELECT id, email, password_hash FROM organizer WHERE id = :id").param("id", id)
                .query((rs, i) -> new StoredCredentials(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3)))
                .optional();
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("UPDATE organizer SET password_hash = :hash WHERE id = :id").param("hash", passwordHash)
                .param("id", id).update();
    }

    /** Addresses differ only in case for every mail provider our users have; compare them folded. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    record StoredCredentials(UUID id, String email, String passwordHash) {
    }
}
