package io.inviteflow.core.security;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** Issues the bearer tokens that the API and the console accept. */
@Component
public class AccessTokens {

    /** The issuer of organizers' tokens; the only issuer {@link AuthenticatedOrganizer} accepts. */
    public static final String ISSUER = "inviteflow-core";
    /**
     * The issuer of second-factor challenges: proof that the password was right, good only for asking for the code
     * (the API refuses it, its issuer not being {@link #ISSUER}).
     */
    static final String CHALLENGE_ISSUER = "inviteflow-core-second-factor";
    static final java.time.Duration CHALLENGE_TTL = java.time.Duration.ofMinutes(5);
    /** The moment of issue to the millisecond. */
    static final String ISSUED_AT_MILLIS = "iat_ms";

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** When a token of ours was issued, to the millisecond (older tokens: to the second). */
    static java.time.Instant issuedAt(org.springframework.security.oauth2.jwt.Jwt token) {
        Object millis = token.getClaims().get(ISSUED_AT_MILLIS);
        return millis instanceof Number n ? java.time.Instant.ofEpochMilli(n.longValue()) : token.getIssuedAt();
    }

    /** How every endpoint that signs in answers: {@code {accessToken, tokenType: "Bearer"}}. */
    public record Issued(String accessToken, String tokenType) {
        public static Issued bearer(String accessToken) {
            return new Issued(accessToken, "Bearer");
        }
    }

    /** An access token; each has its own id ({@code jti}), by which it can be signed out. */
    public String issue(UUID organizerId, String email) {
        return sign(ISSUER, organizerId, email, properties.tokenTtl());
    }

    /** A second-factor challenge for an account whose password was right, valid for {@link #CHALLENGE_TTL}. */
    public String challenge(UUID organizerId, String email) {
        return sign(CHALLENGE_ISSUER, organizerId, email, CHALLENGE_TTL);
    }

    private String sign(String issuer, UUID organizerId, String email, java.time.Duration ttl) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .id(UUID.randomUUID().toString())
                .subject(organizerId.toString())
                .claim("email", email)
                .issuedAt(now)
                // iat has second precision: a token issued just after "sign out everywhere" in the same second
                // must pass while one issued just before it must not (TokenRevocations)
                .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
                .expiresAt(now.plus(ttl))
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
