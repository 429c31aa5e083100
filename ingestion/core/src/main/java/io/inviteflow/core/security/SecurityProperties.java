package io.inviteflow.core.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * @param jwtSecret base64 HMAC key (at least 256 bits) that signs and verifies access tokens
 * @param tokenTtl  how long an access token is valid
 * @param invitationKey base64 HMAC key (at least 256 bits) from which invitation tokens are derived
 * @param serviceSecret base64 HMAC key (at least 256 bits) of service-to-service tokens; never the organizers' key
 * @param chatLinkKey base64 HMAC key (at least 256 bits) from which each event's chat room key is derived when a link
 *                    is made; the room key is put only in the link's fragment, which browsers never send back
 * @param ticketKey   base64 HMAC key (at least 256 bits) that signs tickets' QR codes; rotating it voids every ticket
 * @param masterKey   base64 AES key (exactly 256 bits) that encrypts secrets stored in PostgreSQL (authenticator
 *                    secrets): kept in configuration, apart from the database and its backups
 */
@ConfigurationProperties("inviteflow.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl, String invitationKey, String serviceSecret,
                                 String chatLinkKey, String ticketKey, String masterKey) {

    public SecurityProperties {
        requireKey("jwt-secret", jwtSecret);
        requireKey("invitation-key", invitationKey);
        requireKey("service-secret", serviceSecret);
        requireKey("chat-link-key", chatLinkKey);
        requireKey("ticket-key", ticketKey);
        if (masterKey == null || Base64.getDecoder().decode(masterKey).length != 32) {
            throw new IllegalArgumentException("inviteflow.security.master-key must be base64 of exactly 32 bytes");
        }
        if (jwtSecret.equals(serviceSecret)) {
            throw new IllegalArgumentException("inviteflow.security.service-secret must differ from jwt-secret");
        }
    }

    private static void requireKey(String name, String base64) {
        if (base64 == null || Base64.getDecoder().decode(base64).length < 32) {
            throw new IllegalArgumentException("inviteflow.security." + name + " must be base64 of at least 32 bytes");
        }
    }

    public byte[] invitationKeyBytes() {
        return Base64.getDecoder().decode(invitationKey);
    }

    public byte[] ticketKeyBytes() {
        return Base64.getDecoder().decode(ticketKey);
    }

    public byte[] chatLinkKeyBytes() {
        return Base64.getDecoder().decode(chatLinkKey);
    }

    public byte[] masterKeyBytes() {
        return Base64.getDecoder().decode(masterKey);
    }

    byte[] serviceKey() {
        return Base64.getDecoder().decode(serviceSecret);
    }

    byte[] jwtKey() {
        return Base64.getDecoder().decode(jwtSecret);
    }
}
