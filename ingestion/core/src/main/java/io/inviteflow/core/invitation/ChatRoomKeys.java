package io.inviteflow.core.invitation;

import io.inviteflow.core.security.SecurityProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Each event's chat room key (AES-256), put into invitation links as {@code #k=…}. A fragment never leaves the
 * browser, so the guests' browsers encrypt and decrypt while the server only stores and relays ciphertext. The key
 * is derived, not stored, so reminders and notices can send working links; whoever holds
 * {@code inviteflow.security.chat-link-key} could derive it too, which is why that key lives in configuration only.
 */
@Component
class ChatRoomKeys {

    private final SecretKeySpec key;

    ChatRoomKeys(SecurityProperties properties) {
        this.key = new SecretKeySpec(properties.chatLinkKeyBytes(), "HmacSHA256");
    }

    /** 32 bytes, base64url without padding (43 characters). */
    String roomKey(UUID eventId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] room = mac.doFinal(("chat-room:" + eventId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(room);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
