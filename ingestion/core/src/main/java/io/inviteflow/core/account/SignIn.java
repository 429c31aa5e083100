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
 * Signing in: the attempt is counted against the address first (locked: refused before the password is even
 * checked), then the password (bcrypt, compared against a dummy hash for unknown addresses so both cost the same),
 * then — when the account has two-factor sign-in — a challenge to answer with a code, each answer an attempt too.
 * Success clears the count. Wrong address and wrong password are the same refusal, and so is the right password of
 * an account whose address is not confirmed yet (made since V43): signing up with someone's address, then signing in
 * with the password just chosen, must not tell whether the address had an account. That sign-in mails the
 * confirmation link again instead (three a day at most, after the answer, like every account mail).
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
    private final EmailVerifications verifications;
    private final AccountMail mail;

    SignIn(OrganizerRepository organizers, PasswordEncoder passwords, AccessTokens tokens, SecondFactors secondFactors,
           SecondFactorChallenges challenges, TokenRevocations revocations, SignInThrottle throttle,
           SecurityAudit audit, EmailVerifications verifications, AccountMail mail) {
        this.organizers = organizers;
        this.passwords = passwords;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.challenges = challenges;
        this.revocations = revocations;
        this.throttle = throttle;
        this.audit = audit;
        this.verifications = verifications;
        this.mail = mail;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    Outcome withPassword(String email, String password) {
        Optional<Duration> locked = throttle.reserve(email);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        var stored = organizers.findCredentials(email);
        String hash = stored.map(OrganizerRepository.StoredCredentials::passwordHash).orElse(unknownUserHash);
        if (!passwords.matches(password, hash) || stored.isEmpty()) {
            return failed(stored.map(OrganizerRepository.StoredCredentials::id).orElse(null),
                    SecurityAudit.Action.SIGN_IN_FAILED, null);
        }
        UUID id = stored.get().id();
        if (stored.get().awaitsConfirmation()) {
            var account = stored.get(); // its address is opened after the answer, with the mail
            mail.untilSent("an address confirmation", () -> verifications.send(id, account.email()).settled());
            return failed(id, SecurityAudit.Action.SIGN_IN_FAILED, "address not confirmed yet");
        }
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
        // a challenge dies with the account's tokens too (signed out everywhere, a new password)
        var read = challenges.read(challenge).filter(c -> !revocations.isRevoked(c.id())
                && revocations.accepts(c.organizerId(), c.issuedAt())).orElse(null);
        if (read == null) {
            return new Refused();
        }
        Optional<Duration> locked = throttle.reserve(read.email());
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        if (!secondFactors.check(read.organizerId(), code)) {
            return failed(read.organizerId(), SecurityAudit.Action.SECOND_FACTOR_FAILED, null);
        }
        if (!revocations.useOnce(read.id(), read.expiresAt())) {
            return new Refused(); // answered twice at once: the other answer signed in
        }
        return signedIn(read.email(), read.organizerId(), read.email());
    }

    /** The attempt was counted already; an unknown address leaves no row: the trail is the accounts'. */
    private Outcome failed(UUID organizerId, SecurityAudit.Action action, String detail) {
        if (organizerId != null) {
            audit.record(organizerId, action, detail);
        }
        return new Refused();
    }

    private Outcome signedIn(String typedEmail, UUID id, String email) {
        throttle.succeeded(typedEmail);
        audit.record(id, SecurityAudit.Action.SIGNED_IN, null);
        return new SignedIn(tokens.issue(id, email));
    }
}
