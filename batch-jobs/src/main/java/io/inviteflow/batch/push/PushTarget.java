package io.inviteflow.batch.push;

/** A browser's Web Push subscription, as the core lists it (RFC 8030 endpoint, RFC 8291 keys, base64url). */
public record PushTarget(String endpoint, String p256dh, String auth, String locale) {
}
