package io.inviteflow.core.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * @param jwtSecret base64 HMAC key (at least 256 bits) that signs and verifies access tokens
 * @param tokenTtl  how long an access token is valid
 */
@ConfigurationProperties("inviteflow.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl) {

    public SecurityProperties {
        if (jwtSecret == null || Base64.getDecoder().decode(jwtSecret).length < 32) {
            throw new IllegalArgumentException("inviteflow.security.jwt-secret must be base64 of at least 32 bytes");
        }
    }

    byte[] jwtKey() {
        return Base64.getDecoder().decode(jwtSecret);
    }
}
