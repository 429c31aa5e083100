package io.inviteflow.core.invitation;

import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The guest's key: 128 bits of HMAC-SHA256 over the invitation id, URL-safe. Unguessable without the server's key,
 * yet the core can re-create any invitation's link (for reminders) without storing it. Only the token's SHA-256
 * is stored, for look-up, so the table alone opens no invitation. Rotating the key invalidates every link.
 */
@Component
class InvitationTokens {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private final byte[] key;

    InvitationTokens(SecurityProperties properties) {
        this.key = properties.invitationKeyBytes();
    }

    String tokenFor(UUID invitationId) {
        byte[] id = ByteBuffer.allocate(16)
                .putLong(invitationId.getMostSignificantBits())
                .putLong(invitationId.getLeastSignificantBits())
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Hmac.sha256(key, id), 16));
    }

    /** Rejects anything that cannot be one of our tokens before it reaches the database. */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
