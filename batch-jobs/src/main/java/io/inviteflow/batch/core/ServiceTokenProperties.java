package io.inviteflow.batch.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * @param jwtSecret       base64 HMAC key (at least 256 bits) shared with the core, whose property of the same name
 *                        verifies the tokens; batch-jobs signs its own short-lived service tokens with it
 * @param serviceTokenTtl lifetime of one service token
 */
@ConfigurationProperties("inviteflow.security")
public record ServiceTokenProperties(String jwtSecret, Duration serviceTokenTtl) {

    public ServiceTokenProperties {
        if (jwtSecret == null || Base64.getDecoder().decode(jwtSecret).length < 32) {
            throw new IllegalArgumentException("inviteflow.security.jwt-secret must be base64 of at least 32 bytes");
        }
    }

    byte[] jwtKey() {
        return Base64.getDecoder().decode(jwtSecret);
    }
}
