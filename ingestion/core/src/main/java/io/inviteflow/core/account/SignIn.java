package io.inviteflow.core.account;

import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.SecondFactorChallenges;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.security.TokenRevocations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in: the address's throttle first (locked: refused before the password is even checked), the password
 * (bcrypt, compared against a dummy hash for unknown addresses so both cost the same), then — when the account has
 * two-factor sign-in — a challenge to answer with a code. Every failure counts against the address; success clears it.
 * Wrong address and wrong password are the same refusal.
 */
@Service
class SignIn {

    sealed interface Outcome {
    }

    record SignedIn(String accessToken) implements Outcome {
    }

    /** The password was right; answer {@code challenge} with a code within five minutes. */
    record SecondFactorRequired(String challenge) implements Outcome {
    }

    record Refused() implements Outcome {
    }

    record Locked(Duration retryAfter) implements Outcome {
    }

    /** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
    private final String unknownUserHash;
    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    private final SecondFactors secondFactors;
    private final SecondFactorChallenges challenges;
    private final TokenRevocations revocations;
    private final SignInThrottle throttle;
    private final SecurityAudit audit;

    SignIn(OrganizerRepository organizers, PasswordEncoder passwords, AccessTokens tokens, SecondFactors secondFactors,
           SecondFactorChallenges challenges, TokenRevocations revocations, SignInThrottle throttle,
           SecurityAudit audit) {
        this.organizers = organizers;
        this.passwords = passwords;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.challenges = challenges;
        this.revocations = revocations;
        this.throttle = throttle;
        this.audit = audit;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    Outcome withPassword(String email, String password) {
        Optional<Duration> locked = throttle.lockedFor(email);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        var stored = organizers.findCredentials(email);
        String hash = stored.map(OrganizerRepository.StoredCredentials::passwordHash).orElse(unknownUserHash);
        if (!passwords.matches(password, hash) || stored.isEmpty()) {
            return failed(email, stored.map(OrganizerRepository.StoredCredentials::id).orElse(null),
                    SecurityAudit.Action.SIGN_IN_FAILED);
        }
        UUID id = stored.get().id();
        if (secondFactors.enabled(id)) {
            return new SecondFactorRequired(tokens.challenge(id, stored.get().email()));
        }
        return signedIn(email, id, stored.get().email());
    }

    /**
     * The code for a challenge. A wrong code counts as a failed sign-in (the lock stops guessing) and the challenge may
     * be answered again, as one mistyped digit deserves; a challenge that signed in is spent.
     */
    Outcome withCode(String challenge, String code) {
        var read = challenges.read(challenge).filter(c -> !revocations.isRevoked(c.id())).orElse(null);
        if (read == null) {
            return new Refused();
        }
        Optional<Duration> locked = throttle.lockedFor(read.email());
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        if (!secondFactors.check(read.organizerId(), code)) {
            return failed(read.email(), read.organizerId(), SecurityAudit.Action.SECOND_FACTOR_FAILED);
        }
        if (!revocations.useOnce(read.id(), read.expiresAt())) {
            return new Refused(); // answered twice at once: the other answer signed in
        }
        return signedIn(read.email(), read.organizerId(), read.email());
    }

    private Outcome failed(String email, UUID organizerId, SecurityAudit.Action action) {
        Optional<Duration> lock = throttle.failed(email);
        // an unknown address leaves no row: the trail is the accounts' (its owner and admins read it)
        if (organizerId != null) {
            audit.record(organizerId, action, null);
            lock.ifPresent(d -> audit.record(organizerId, SecurityAudit.Action.LOCKED_OUT, "for " + d));
        }
        return lock.<Outcome>map(Locked::new).orElseGet(Refused::new);
    }

    private Outcome signedIn(String typedEmail, UUID id, String email) {
        throttle.succeeded(typedEmail);
        audit.record(id, SecurityAudit.Action.SIGNED_IN, null);
        return new SignedIn(tokens.issue(id, email));
    }
}
