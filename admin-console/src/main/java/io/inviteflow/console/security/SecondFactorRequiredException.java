package io.inviteflow.console.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right and the account has two-factor sign-in: the core's challenge, kept in the session by the
 * form login's failure handling, is answered with a code on {@link SecondFactorView}. The challenge proves only the
 * password; it opens nothing by itself.
 */
class SecondFactorRequiredException extends AuthenticationException {

    private final String email;
    private final String challenge;

    SecondFactorRequiredException(String email, String challenge) {
        super("A code from the authenticator app is needed");
        this.email = email;
        this.challenge = challenge;
    }

    String email() {
        return email;
    }

    String challenge() {
        return challenge;
    }
}
