package io.inviteflow.core.account;

import io.inviteflow.core.security.SecretBox;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Two-factor sign-in with an authenticator app: enrolment (a secret shown once, as text and as an
 * {@code otpauth://} link), confirmation with a first code (which also hands out ten one-time recovery codes),
 * checking a code at sign-in (an app's code, once per 30-second step, or an unused recovery code), turning it off.
 * The proofs a change needs first (the password, a code) are {@link Reauthentication}'s.
 */
@Service
class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    /** What an app needs to start: the secret typed in, or the link (as a QR code: an SVG {@code data:} URI). */
    record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    private final SecondFactorRepository repository;
    private final SecretBox box;
    private final SecurityAudit audit;
    private final Clock clock;
    private final TotpCodes codes = new TotpCodes();

    SecondFactors(SecondFactorRepository repository, SecretBox box, SecurityAudit audit, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    boolean enabled(UUID organizerId) {
        return repository.find(organizerId).map(SecondFactorRepository.Totp::confirmed).orElse(false);
    }

    @Transactional
    Enrolment enrol(UUID organizerId, String email) {
        byte[] secret = TotpCodes.newSecret();
        if (!repository.startEnrolment(organizerId, box.seal(secret, associated(organizerId)), clock.instant())) {
            throw Problems.conflict("two-factor sign-in is on already: turn it off first to enrol another app");
        }
        String link = TotpCodes.otpauthUri(secret, email);
        return new Enrolment(TotpCodes.base32(secret), link, OtpauthQr.dataUri(link));
    }

    /** The first code from the app turns two-factor sign-in on; returns the recovery codes, shown this once. */
    @Transactional
    List<String> confirm(UUID organizerId, String code) {
        SecondFactorRepository.Totp totp = repository.find(organizerId)
                .orElseThrow(() -> Problems.conflict("no enrolment to confirm: start one first"));
        if (totp.confirmed()) {
            throw Problems.conflict("two-factor sign-in is on already");
        }
        OptionalLong step = codes.verify(secret(organizerId, totp), code, totp.lastStep(), clock.instant());
        if (step.isEmpty()) {
            throw Problems.unprocessable("code", "not the app's current code: check the phone's clock and try the next");
        }
        // only the secret this code was checked against: an enrolment restarted meanwhile (another tab) must not
        // turn on a secret the organizer never saw, nor two confirmations hand out two sets of codes
        if (!repository.confirm(organizerId, totp.sealed(), step.getAsLong(), clock.instant())) {
            throw Problems.conflict("the enrolment changed meanwhile: start again");
        }
        audit.record(organizerId, SecurityAudit.Action.TOTP_ENABLED, null);
        return newRecoveryCodes(organizerId);
    }

    /** A code at sign-in or for a sensitive change: the app's (each step once) or a recovery code (each once). */
    @Transactional
    boolean check(UUID organizerId, String code) {
        SecondFactorRepository.Totp totp = repository.find(organizerId).filter(SecondFactorRepository.Totp::confirmed)
                .orElse(null);
        if (totp == null || code == null) {
            return false;
        }
        OptionalLong step = codes.verify(secret(organizerId, totp), code, totp.lastStep(), clock.instant());
        if (step.isPresent()) {
            return repository.useStep(organizerId, step.getAsLong());
        }
        if (repository.useRecoveryCode(organizerId, hash(code))) {
            audit.record(organizerId, SecurityAudit.Action.RECOVERY_CODE_USED,
                    repository.recoveryCodesLeft(organizerId) + " left");
            return true;
        }
        return false;
    }

    /** Turns it off; the caller proved a code first ({@link Reauthentication#requireCode}). */
    @Transactional
    void disable(UUID organizerId) {
        repository.delete(organizerId);
        audit.record(organizerId, SecurityAudit.Action.TOTP_DISABLED, null);
    }

    /** New recovery codes instead of the old; the caller proved a code first. */
    @Transactional
    List<String> renewRecoveryCodes(UUID organizerId) {
        audit.record(organizerId, SecurityAudit.Action.RECOVERY_CODES_RENEWED, null);
        return newRecoveryCodes(organizerId);
    }

    private List<String> newRecoveryCodes(UUID organizerId) {
        List<String> plain = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            plain.add(code);
            hashes.add(hash(code));
        }
        repository.replaceRecoveryCodes(organizerId, hashes);
        return plain;
    }

    /** 16 characters of an alphabet without look-alikes (80 bits), grouped by four: {@code abcd-efgh-jkmn-pqrs}. */
    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Recovery codes compare without case, spaces or dashes: as people type them off paper. */
    private static byte[] hash(String code) {
        String canonical = code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private byte[] secret(UUID organizerId, SecondFactorRepository.Totp totp) {
        return box.open(totp.sealed(), associated(organizerId));
    }

    private static byte[] associated(UUID organizerId) {
        return ("totp:" + organizerId).getBytes(StandardCharsets.US_ASCII);
    }
}
