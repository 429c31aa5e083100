package io.inviteflow.batch.core;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mints the bearer tokens batch-jobs presents to the core: HS256 with the service key, issuer
 * {@code inviteflow-services}, subject {@code batch-jobs}, {@code scope: internal} (the core maps it to authority {@code SCOPE_internal}), short-lived. A fresh token per
 * request costs one HMAC, so nothing is cached and nothing can expire mid-job.
 */
public final class ServiceTokens {

    static final String SUBJECT = "batch-jobs";
    /** The issuer the core expects of service tokens (organizers' tokens are issued by {@code inviteflow-core}). */
    static final String ISSUER = "inviteflow-services";
    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    public ServiceTokens(byte[] key, Duration ttl, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")));
        this.ttl = ttl;
        this.clock = clock;
    }

    public String mint() {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .claim("scope", "internal")
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
