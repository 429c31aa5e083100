package io.inviteflow.core.account;

import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that whoever holds a token still holds the account's secrets, before a change a thief would want (enrolling
 * another app, turning two-factor sign-in off, new recovery codes, a new password): the current password, or a code.
 * Each check is an attempt on the account's address like a sign-in ({@link SignInThrottle}), so a stolen token cannot
 * guess its way through either; failures are in the account's trail. Not transactional: the count and the trail stay
 * when the change is refused.
 */
@Component
public class Reauthentication {

    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final SecurityAudit audit;

    Reauthentication(OrganizerRepository organizers, PasswordEncoder passwords, SecondFactors secondFactors,
                     SignInThrottle throttle, SecurityAudit audit) {
        this.organizers = organizers;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * The password, and a code too when the account has two-factor sign-in: what a change needs that would let its
     * maker sign in without the second factor (a new password, a passkey).
     *
     * @throws ErrorResponseException 422 for a wrong password or code, 429 while the address is locked
     */
    public void requirePasswordAndCode(UUID organizerId, String password, String code) {
        requirePassword(organizerId, password);
        if (secondFactors.enabled(organizerId)) {
            requireCode(organizerId, code);
        }
    }

    /** @throws ErrorResponseException 422 for a wrong password, 429 while the address is locked */
    void requirePassword(UUID organizerId, String password) {
        var stored = attempt(organizerId);
        if (password == null || !passwords.matches(password, stored.passwordHash())) {
            audit.record(organizerId, SecurityAudit.Action.REAUTHENTICATION_FAILED, "password");
            throw Problems.unprocessable("password", "not the account's password");
        }
        throttle.succeeded(stored.email());
    }

    /** @throws ErrorResponseException 422 for a wrong or used code, 429 while the address is locked */
    void requireCode(UUID organizerId, String code) {
        var stored = attempt(organizerId);
        if (!secondFactors.check(organizerId, code)) {
            audit.record(organizerId, SecurityAudit.Action.SECOND_FACTOR_FAILED, null);
            throw Problems.unprocessable("code", "not a current code of the app nor an unused recovery code");
        }
        throttle.succeeded(stored.email());
    }

    private OrganizerRepository.StoredCredentials attempt(UUID organizerId) {
        var stored = organizers.findCredentials(organizerId)
                .orElseThrow(() -> Problems.notFound("organizer", organizerId));
        Optional<Duration> locked = throttle.reserve(stored.email());
        if (locked.isPresent()) {
            throw Problems.tooManyRequests("too many failed attempts for this account", locked.get());
        }
        return stored;
    }
}
