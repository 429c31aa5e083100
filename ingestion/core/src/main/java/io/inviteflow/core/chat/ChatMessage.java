package io.inviteflow.core.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as the server knows it: who sent it and when, and bytes it cannot read.
 *
 * @param iv         the AES-GCM nonce (12 bytes, base64)
 * @param ciphertext AES-GCM ciphertext with its tag (base64)
 */
record ChatMessage(long id, UUID invitationId, String iv, String ciphertext, Instant sentAt) {

    /** What a guest's browser gets: no invitation ids of others, only whether the message is the guest's own. */
    record Delivered(long id, String iv, String ciphertext, Instant sentAt, boolean mine) {
    }

    Delivered to(UUID reader) {
        return new Delivered(id, iv, ciphertext, sentAt, invitationId.equals(reader));
    }
}
