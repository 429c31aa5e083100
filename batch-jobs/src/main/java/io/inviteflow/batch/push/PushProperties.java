package io.inviteflow.batch.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param vapidPublicKey  the VAPID public key (RFC 8292): uncompressed P-256 point, base64url — the same the core
 *                        gives browsers to subscribe with
 * @param vapidPrivateKey its private half: the 32-byte P-256 scalar, base64url
 * @param subject         who push services may contact about our messages ({@code mailto:…} or {@code https://…})
 * @param ttl             how long a push service keeps a message for a browser that is offline
 * @param timeout         connect and read timeout of one push
 */
@ConfigurationProperties("inviteflow.push")
public record PushProperties(String vapidPublicKey, String vapidPrivateKey, String subject, Duration ttl,
                             Duration timeout) {
}
