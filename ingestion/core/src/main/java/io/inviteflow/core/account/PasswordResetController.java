package io.inviteflow.core.account;

import io.inviteflow.core.guestpage.GuestNoticePage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * A forgotten password: asked for by address (202 whatever the address, see {@link PasswordResets}), chosen on the
 * mailed link's page — a GET only shows the form (mail scanners open links), its POST sets the password.
 */
@RestController
class PasswordResetController {

    private final PasswordResets resets;
    private final PasswordEncoder passwords;

    PasswordResetController(PasswordResets resets, PasswordEncoder passwords) {
        this.resets = resets;
        this.passwords = passwords;
    }

    record Request(@NotBlank @Email @Size(max = 254) String email) {
    }

    @PostMapping("/api/v1/auth/password-reset")
    ResponseEntity<Void> request(@Valid @RequestBody Request request) {
        resets.request(request.email().trim());
        return ResponseEntity.accepted().build();
    }

    @GetMapping(value = "/reset-password/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> form(@PathVariable String token) {
        return resets.addressOf(token).map(email -> page(HttpStatus.OK, "Choose a new password", form(email, null)))
                .orElseGet(PasswordResetController::expired);
    }

    @PostMapping(value = "/reset-password/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> reset(@PathVariable String token, @RequestParam(required = false) String password) {
        var email = resets.addressOf(token);
        if (email.isEmpty()) {
            return expired();
        }
        var problem = PasswordRules.problem(password);
        if (problem.isPresent()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, "Choose a new password", form(email.get(), problem.get()));
        }
        return resets.reset(token, passwords.encode(password))
                ? page(HttpStatus.OK, "Password changed", "<p>Your new password is set. Sign in with it; every "
                        + "session signed in before is signed out.</p>")
                : expired();
    }

    private static String form(String email, String refusal) {
        return (refusal == null ? "" : "<p><strong>" + htmlEscape(refusal) + "</strong></p>")
                + "<p>A new password for " + htmlEscape(email) + ":</p>"
                + "<form method=\"post\"><p><label>New password <input type=\"password\" name=\"password\" required "
                + "minlength=\"" + PasswordRules.MIN_CHARACTERS + "\" autocomplete=\"new-password\">"
                + "</label></p><button type=\"submit\">Set the password</button></form>";
    }

    private static ResponseEntity<byte[]> expired() {
        return page(HttpStatus.NOT_FOUND, "This link no longer works", "<p>It was used already, or it is older than "
                + "an hour. Ask for a new one from the console's sign-in page.</p>");
    }

    private static ResponseEntity<byte[]> page(HttpStatus status, String title, String body) {
        return GuestNoticePage.render(status, "en", title, body);
    }
}
