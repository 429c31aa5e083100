package io.inviteflow.core.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Authenticator-app codes (RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps, what Google Authenticator, Authy,
 * 1Password and the phones' own password managers read from an {@code otpauth://} link). A code is accepted for the
 * step before and after the current one too (a phone's clock a little off, a code typed as it turned over).
 */
final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as authenticator apps take it typed in: Base32 without padding. */
    static String base32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The link an authenticator app reads (from a QR code or a tap): issuer Inviteflow, the account's address. */
    static String otpauthUri(byte[] secret, String email) {
        String label = URLEncoder.encode("Inviteflow:" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=Inviteflow&algorithm=SHA1&digits=6"
                + "&period=" + STEP.toSeconds();
    }

    /** The code of the step containing {@code at} (for tests and for nothing else). */
    String codeAt(byte[] secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(key(secret), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step of the code, if {@code code} is the code of the step at {@code now}, the one before or the one after,
     * and that step is later than {@code lastStep} (a code already used, or an older one, is refused: replay).
     */
    OptionalLong verify(byte[] secret, String code, long lastStep, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastStep && constantTimeEquals(codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds())),
                    code.strip())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, generator.getAlgorithm());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
