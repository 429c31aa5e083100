package io.inviteflow.core.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Authenticator secrets ({@code organizer_totp}, sealed) and recovery codes ({@code organizer_recovery_code}, hashed). */
@Repository
class SecondFactorRepository {

    /** @param sealed the secret as {@link io.inviteflow.core.security.SecretBox} sealed it */
    record Totp(byte[] sealed, boolean confirmed, long lastStep) {
    }

    private final JdbcClient jdbc;

    SecondFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Totp> find(UUID organizerId) {
        return jdbc.sql("SELECT secret, confirmed_at IS NOT NULL, last_step FROM organizer_totp WHERE organizer_id = :id")
                .param("id", organizerId)
                .query((rs, n) -> new Totp(rs.getBytes(1), rs.getBoolean(2), rs.getLong(3)))
                .optional();
    }

    /** A new enrolment replaces one not confirmed; false when a confirmed one exists (turn it off first). */
    boolean startEnrolment(UUID organizerId, byte[] sealed, Instant at) {
        return jdbc.sql("""
                        INSERT INTO organizer_totp (organizer_id, secret, created_at) VALUES (:id, :secret, :at)
                        ON CONFLICT (organizer_id) DO UPDATE SET secret = :secret, created_at = :at, last_step = 0
                        WHERE organizer_totp.confirmed_at IS NULL""")
                .param("id", organizerId).param("secret", sealed).param("at", Timestamp.from(at)).update() == 1;
    }

    /** False when the enrolment is no longer the one whose secret was read (restarted, or confirmed meanwhile). */
    boolean confirm(UUID organizerId, byte[] sealed, long step, Instant at) {
        return jdbc.sql("UPDATE organizer_totp SET confirmed_at = :at, last_step = :step "
                        + "WHERE organizer_id = :id AND confirmed_at IS NULL AND secret = :secret")
                .param("at", Timestamp.from(at)).param("step", step).param("id", organizerId)
                .param("secret", sealed).update() == 1;
    }

    /** Records the step of an accepted code; false when a code of that step or a later one was accepted meanwhile. */
    boolean useStep(UUID organizerId, long step) {
        return jdbc.sql("UPDATE organizer_totp SET last_step = :step WHERE organizer_id = :id AND last_step < :step")
                .param("step", step).param("id", organizerId).update() == 1;
    }

    void delete(UUID organizerId) {
        jdbc.sql("DELETE FROM organizer_totp WHERE organizer_id = :id").param("id", organizerId).update();
        jdbc.sql("DELETE FROM organizer_recovery_code WHERE organizer_id = :id").param("id", organizerId).update();
    }

    void replaceRecoveryCodes(UUID organizerId, List<byte[]> hashes) {
        jdbc.sql("DELETE FROM organizer_recovery_code WHERE organizer_id = :id").param("id", organizerId).update();
        for (byte[] hash : hashes) {
            jdbc.sql("INSERT INTO organizer_recovery_code (organizer_id, code_hash) VALUES (:id, :hash)")
                    .param("id", organizerId).param("hash", hash).update();
        }
    }

    /** Uses up a recovery code: true when it was one of the account's (it is gone now). */
    boolean useRecoveryCode(UUID organizerId, byte[] hash) {
        return jdbc.sql("DELETE FROM organizer_recovery_code WHERE organizer_id = :id AND code_hash = :hash")
                .param("id", organizerId).param("hash", hash).update() == 1;
    }

    int recoveryCodesLeft(UUID organizerId) {
        return jdbc.sql("SELECT count(*) FROM organizer_recovery_code WHERE organizer_id = :id")
                .param("id", organizerId).query(Integer.class).single();
    }
}
