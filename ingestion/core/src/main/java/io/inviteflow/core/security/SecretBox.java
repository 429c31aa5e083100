package io.inviteflow.core.security;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Encrypts the secrets the core keeps in PostgreSQL (AES-256-GCM under {@code inviteflow.security.master-key}): a
 * fresh 96-bit nonce per secret, stored before the ciphertext; the associated data binds a secret to its owner, so
 * a ciphertext copied onto another row does not decrypt.
 */
@Component
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecurityProperties properties) {
        this.key = new SecretKeySpec(properties.masterKeyBytes(), "AES");
    }

    public byte[] seal(byte[] plain, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /** @throws IllegalStateException when the box was sealed under another key or for other associated data */
    public byte[] open(byte[] box, byte[] associatedData) {
        if (box.length < NONCE_BYTES + TAG_BITS / 8) { // the cipher would fail with a provider's error, not a refusal
            throw new IllegalStateException("a stored secret is too short to have been sealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not open with the master key", e);
        }
    }
}
