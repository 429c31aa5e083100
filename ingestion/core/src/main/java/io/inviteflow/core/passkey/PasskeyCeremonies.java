package io.inviteflow.core.passkey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The challenges of ceremonies under way. Kept in PostgreSQL, not in memory, so the answer may reach another instance
 * of the core than the one that asked; each is answered once (taking it deletes it), within {@link #TTL}.
 */
@Repository
class PasskeyCeremonies {

    /** As long as browsers let the person pick and touch an authenticator (the options' timeout). */
    static final Duration TTL = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    PasskeyCeremonies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param organizerId the account adding a passkey; null for a sign-in */
    UUID start(UUID organizerId, Bytes challenge) {
        var now = clock.instant();
        // expired ceremonies go as new ones come: sign-ins are asked for without an account, so nothing else would
        jdbc.sql("DELETE FROM passkey_ceremony WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO passkey_ceremony (id, organizer_id, challenge, expires_at) "
                        + "VALUES (:id, CAST(:organizer AS uuid), :challenge, :expires)")
                .param("id", id).param("organizer", organizerId).param("challenge", challenge.getBytes())
                .param("expires", Timestamp.from(now.plus(TTL))).update();
        return id;
    }

    /** The challenge of a live ceremony of this account (null: a sign-in), spent by this call. */
    Optional<Bytes> take(UUID id, UUID organizerId) {
        return jdbc.sql("""
                        DELETE FROM passkey_ceremony
                         WHERE id = :id AND organizer_id IS NOT DISTINCT FROM CAST(:organizer AS uuid)
                           AND expires_at > :now
                        RETURNING challenge""")
                .param("id", id).param("organizer", organizerId).param("now", Timestamp.from(clock.instant()))
                .query(byte[].class).optional().map(Bytes::new);
    }
}
