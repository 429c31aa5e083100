package io.inviteflow.core.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens signed out before they expire: one token (sign-out: its {@code jti} is kept until it would have
 * expired) or all of an account's tokens issued before a moment (sign out everywhere, a new password). Checked on
 * every request through a short cache: this instance applies a revocation at once, other instances of the core within
 * {@link #CACHED} — the price of not asking PostgreSQL on every request.
 */
@Component
public class TokenRevocations implements OAuth2TokenValidator<Jwt> {

    static final Duration CACHED = Duration.ofSeconds(30);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<UUID, Boolean> revoked = Caffeine.newBuilder().expireAfterWrite(CACHED)
            .maximumSize(1_000_000).build();
    private final Cache<UUID, Optional<Instant>> validAfter = Caffeine.newBuilder().expireAfterWrite(CACHED)
            .maximumSize(1_000_000).build();

    TokenRevocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Signs out one token: refused from now until it expires. */
    public void revoke(UUID jti, Instant expiresAt) {
        jdbc.sql("INSERT INTO revoked_token (jti, expires_at) VALUES (:jti, :expires) ON CONFLICT DO NOTHING")
                .param("jti", jti).param("expires", Timestamp.from(expiresAt)).update();
        // tokens past their expiry are refused anyway: their rows only take space
        jdbc.sql("DELETE FROM revoked_token WHERE expires_at < :now").param("now", Timestamp.from(clock.instant()))
                .update();
        revoked.put(jti, true);
    }

    /** Whether the token (by its id) was signed out or used up. */
    public boolean isRevoked(UUID jti) {
        return revoked.get(jti, this::loadRevoked);
    }

    /** For a token good for one use (a second-factor challenge): true the first time only. */
    public boolean useOnce(UUID jti, Instant expiresAt) {
        boolean first = jdbc.sql("INSERT INTO revoked_token (jti, expires_at) VALUES (:jti, :expires) "
                        + "ON CONFLICT DO NOTHING")
                .param("jti", jti).param("expires", Timestamp.from(expiresAt)).update() == 1;
        revoked.put(jti, true);
        return first;
    }

    /** Signs out every token of the account issued until now. */
    public void revokeAll(UUID organizerId) {
        // to the millisecond, the precision of the tokens' iat_ms: a token issued right after this, within the same
        // microseconds, must pass (a token issued before it within the same millisecond passes too: negligible)
        Instant after = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("UPDATE organizer SET tokens_valid_after = :after WHERE id = :id")
                .param("after", Timestamp.from(after)).param("id", organizerId).update();
        validAfter.put(organizerId, Optional.of(after));
    }

    /** Whether a token issued at {@code issuedAt} would still be accepted for the account (for a freshly issued one). */
    public boolean accepts(UUID organizerId, Instant issuedAt) {
        Optional<Instant> after = validAfter.get(organizerId, this::loadValidAfter);
        return after.isEmpty() || !issuedAt.isBefore(after.get());
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String jti = token.getId();
        boolean signedOut = jti != null && revoked.get(parse(jti), this::loadRevoked);
        Instant issuedAt = AccessTokens.issuedAt(token);
        boolean stale = issuedAt != null && token.getSubject() != null && !accepts(parse(token.getSubject()), issuedAt);
        return signedOut || stale
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token was signed out", null))
                : OAuth2TokenValidatorResult.success();
    }

    private Boolean loadRevoked(UUID jti) {
        return jdbc.sql("SELECT count(*) FROM revoked_token WHERE jti = :jti").param("jti", jti)
                .query(Long.class).single() > 0;
    }

    private Optional<Instant> loadValidAfter(UUID organizerId) {
        return jdbc.sql("SELECT tokens_valid_after FROM organizer WHERE id = :id").param("id", organizerId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(o -> o);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
