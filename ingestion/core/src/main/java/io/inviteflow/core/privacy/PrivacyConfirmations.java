package io.inviteflow.core.privacy;

import io.inviteflow.core.scheduling.BatchPoller;
import io.inviteflow.core.security.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Guests' own requests waiting for them to open the link mailed to their address ({@code privacy_confirmation}): the
 * link carries 128 random bits, only their SHA-256 is stored; a link is taken once, and is worthless after its
 * expiry. Rows stay a day after their expiry, used or not, so they count towards the address's requests of the day.
 */
@Repository
class PrivacyConfirmations extends BatchPoller {

    /** A confirmed request: what to do, for which address. */
    record Pending(String kind, String email) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PrivacyConfirmations(JdbcClient jdbc, Clock clock) {
        super("privacy-confirmation-purge", 10_000);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the link's token */
    String create(String kind, String email, Duration ttl) {
        String token = LinkTokens.random();
        jdbc.sql("INSERT INTO privacy_confirmation (token_hash, kind, email, expires_at) "
                        + "VALUES (:hash, :kind, :email, :expires)")
                .param("hash", LinkTokens.hash(token)).param("kind", kind).param("email", email)
                .param("expires", Timestamp.from(clock.instant().plus(ttl))).update();
        return token;
    }

    /** Serialises requests for one address until the transaction ends, so two at once cannot both pass the count. */
    void lockAddress(String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('privacy-confirmation:' || :email))").param("email", email)
                .query((java.sql.ResultSet rs) -> { });
    }

    long madeSince(String email, Instant since) {
        return jdbc.sql("SELECT count(*) FROM privacy_confirmation WHERE email = :email AND created_at >= :since")
                .param("email", email).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    /** A live link's request, without taking it (the page that asks to confirm). */
    Optional<Pending> peek(String token) {
        return jdbc.sql("SELECT kind, email FROM privacy_confirmation WHERE token_hash = :hash AND expires_at > :now "
                        + "AND used_at IS NULL")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2))).optional();
    }

    /** Takes a live link's request: a second confirmation, also one racing this, finds nothing. */
    Optional<Pending> take(String token) {
        return jdbc.sql("UPDATE privacy_confirmation SET used_at = :now WHERE token_hash = :hash AND expires_at > :now "
                        + "AND used_at IS NULL RETURNING kind, email")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    protected int round() {
        return jdbc.sql("DELETE FROM privacy_confirmation WHERE expires_at <= :dayAgo")
                .param("dayAgo", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    @Override
    protected Duration interval() {
        return Duration.ofMinutes(5);
    }
}
