package io.inviteflow.core.invitation;

import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
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

    private final byte[] key;

    ChatRoomKeys(SecurityProperties properties) {
        this.key = properties.chatLinkKeyBytes();
    }

    /** 32 bytes, base64url without padding (43 characters). */
    String roomKey(UUID eventId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hmac.sha256(key, ("chat-room:" + eventId).getBytes(StandardCharsets.US_ASCII)));
    }
}
