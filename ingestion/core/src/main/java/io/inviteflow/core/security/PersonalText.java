package io.inviteflow.core.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a guest writes in their own words — the note with their answer, their answers to the event's questions —
 * stored sealed (AES-256-GCM) under a key of their own: derived from the secret of their invitation's person
 * ({@link PersonSecrets}), bound to the invitation (a sealed text moved to another row does not open). Erasing the
 * person destroys the secret, and with it every copy of these texts: in the database, its WAL, replicas and backups.
 * A box: version byte 1, 12-byte nonce, ciphertext with its tag.
 */
@Component
public class PersonalText {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KEY_LABEL = "personal-text".getBytes(StandardCharsets.UTF_8);
    private final PersonSecrets secrets;
    private final SecureRandom random = new SecureRandom();

    PersonalText(PersonSecrets secrets) {
        this.secrets = secrets;
    }

    /** The person key a guest's texts are sealed under: their invitation's own, so it never changes. */
    public static String personKey(java.util.UUID invitationId) {
        return "invitation:" + invitationId;
    }

    /** @return the sealed text; null for null */
    public byte[] seal(String personKey, String text) {
        if (text == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, secrets.of(personKey), personKey, nonce,
                text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    /** The text; empty when its person's secret is destroyed (the text is shredded) or for null. */
    public Optional<String> open(String personKey, byte[] box) {
        return box == null ? Optional.empty() : secrets.find(personKey).map(secret -> open(secret, personKey, box));
    }

    /** Opens the texts of many people, whose secrets are read in one query (a page of a guest list). */
    public Opener openerFor(java.util.Collection<String> personKeys) {
        java.util.Map<String, byte[]> found = secrets.findAll(personKeys);
        return (personKey, box) -> box == null || !found.containsKey(personKey) ? null
                : open(found.get(personKey), personKey, box);
    }

    /** A text of one of the people an opener was made for; null for none, or one shredded. */
    @FunctionalInterface
    public interface Opener {
        String open(String personKey, byte[] box);

        /** The sealed text opened, or the plain one of a row written before texts were sealed. */
        default String openOr(String personKey, byte[] box, String plain) {
            return box == null ? plain : open(personKey, box);
        }
    }

    private static String open(byte[] secret, String personKey, byte[] box) {
        if (box.length < 1 + NONCE_BYTES || box[0] != VERSION) {
            throw new IllegalStateException("not a sealed personal text");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(box, 1, 1 + NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(box, 1 + NONCE_BYTES, box.length);
        return new String(crypt(Cipher.DECRYPT_MODE, secret, personKey, nonce, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, byte[] secret, String personKey, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(Hmac.sha256(secret, KEY_LABEL), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(personKey.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a personal text does not open with its person's key", e);
        }
    }
}
