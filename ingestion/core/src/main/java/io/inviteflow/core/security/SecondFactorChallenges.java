package io.inviteflow.core.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads a second-factor challenge ({@link AccessTokens#challenge}) back: whose it is, until when, which one. */
public class SecondFactorChallenges {

    /** @param id the challenge's own id: used once */
    public record Challenge(UUID id, UUID organizerId, String email, Instant issuedAt, Instant expiresAt) {
    }

    private final JwtDecoder decoder;

    SecondFactorChallenges(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** Empty for anything but an unexpired challenge signed here. */
    public Optional<Challenge> read(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return Optional.of(new Challenge(UUID.fromString(jwt.getId()), UUID.fromString(jwt.getSubject()),
                    jwt.getClaimAsString("email"), AccessTokens.issuedAt(jwt), jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
