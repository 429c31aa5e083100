package io.inviteflow.core.support;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Base64;

/** A service token as batch-jobs mints it (scope {@code internal}, the service key), for the internal API's tests. */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    public static String mint(SecurityProperties security) {
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
                Base64.getDecoder().decode(security.serviceSecret()), "HmacSHA256")));
        var claims = JwtClaimsSet.builder().issuer("inviteflow-services").subject("batch-jobs")
                .claim("scope", "internal").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
