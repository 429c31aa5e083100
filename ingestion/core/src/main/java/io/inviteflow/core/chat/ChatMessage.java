package io.inviteflow.core.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as the server knows it: who sent it and when, and bytes it cannot read.
 *
 * @param iv         the AES-GCM nonce (12 bytes, base64)
 * @param ciphertext AES-GCM ciphertext with its tag (base64)
 * @param sender     the sender's name as the organizer wrote it on the invitation
 */
record ChatMessage(long id, UUID invitationId, String iv, String ciphertext, Instant sentAt, String sender) {

    /**
     * What a guest's browser gets: no invitation ids of others, the sender's name from the server (a guest cannot
     * write under someone else's name), and whether the message is the reader's own.
     */
    record Delivered(long id, String sender, String iv, String ciphertext, Instant sentAt, boolean mine) {
    }

    Delivered to(UUID reader) {
        return new Delivered(id, sender, iv, ciphertext, sentAt, invitationId.equals(reader));
    }
}
