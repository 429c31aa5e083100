package io.inviteflow.batch.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * @param serviceSecret   base64 HMAC key (at least 256 bits) for service-to-service tokens, shared with the core
 *                        (its property of the same name verifies them). Not the key of organizers' tokens: whoever
 *                        holds this one can call the core's internal API, never act as an organizer.
 * @param serviceTokenTtl lifetime of one service token
 */
@ConfigurationProperties("inviteflow.security")
public record ServiceTokenProperties(String serviceSecret, Duration serviceTokenTtl) {

    public ServiceTokenProperties {
        if (serviceSecret == null || Base64.getDecoder().decode(serviceSecret).length < 32) {
            throw new IllegalArgumentException("inviteflow.security.service-secret must be base64 of at least 32 bytes");
        }
    }

    byte[] serviceKey() {
        return Base64.getDecoder().decode(serviceSecret);
    }
}
