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
        return jdbc.sql(CREDENTIALS + "WHERE email_normalized = :email")
                .param("email", normalizeEmail(email))
                .query(OrganizerRepository::credentials)
                .optional();
    }

    Optional<StoredCredentials> findCredentials(UUID id) {
        return jdbc.sql(CREDENTIALS + "WHERE id = :id").param("id", id)
                .query(OrganizerRepository::credentials)
                .optional();
    }

    private static final String CREDENTIALS = "SELECT id, email, password_hash, "
            + "sign_in_awaits_confirmation AND email_verified_at IS NULL FROM organizer ";

    private static StoredCredentials credentials(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredCredentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("UPDATE organizer SET password_hash = :hash WHERE id = :id").param("hash", passwordHash)
                .param("id", id).update();
    }

    /** Addresses differ only in case for every mail provider our users have; compare them folded. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The mailbox's owner chose this password through a link mailed there (a password reset): the address is
     * theirs, as a confirmation link would prove.
     */
    void resetPassword(UUID id, String passwordHash, java.time.Instant now) {
        jdbc.sql("UPDATE organizer SET password_hash = :hash, email_verified_at = coalesce(email_verified_at, :now) "
                        + "WHERE id = :id")
                .param("hash", passwordHash).param("now", java.sql.Timestamp.from(now)).param("id", id).update();
    }

    /** @param awaitsConfirmation an account that signs in once its address is confirmed, and it is not yet */
    record StoredCredentials(UUID id, String email, String passwordHash, boolean awaitsConfirmation) {
    }
}
