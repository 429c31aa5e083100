package io.inviteflow.core.account;

import io.inviteflow.core.web.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be: at least 8 characters, not only spaces, and at most 72 bytes in UTF-8 — bcrypt reads
 * no further, and Spring Security's encoder refuses a longer one outright (72 plain letters; fewer with accents, and
 * 18 emoji). Checked at sign-up, on a password change and on a reset.
 */
final class PasswordRules {

    static final int MIN_CHARACTERS = 8;
    static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** Why {@code password} will not do, or empty when it will. */
    static Optional<String> problem(String password) {
        if (password == null || password.isBlank() || password.length() < MIN_CHARACTERS) {
            return Optional.of("A password has at least " + MIN_CHARACTERS + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("A password has at most " + MAX_BYTES + " bytes (" + MAX_BYTES
                    + " plain letters; fewer with accents or emoji).");
        }
        return Optional.empty();
    }

    /** @throws org.springframework.web.ErrorResponseException 422 naming {@code field} when it will not do */
    static void require(String field, String password) {
        problem(password).ifPresent(why -> {
            throw Problems.unprocessable(field, why);
        });
    }
}
