package io.inviteflow.core.account;

import io.inviteflow.core.security.AccessTokens;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.security.TokenRevocations;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An organizer's own account security: two-factor sign-in (enrol an authenticator app, confirm it with a first code,
 * renew recovery codes, turn it off — the last two with a code), a new password (which signs out every other token)
 * and the account's audit trail.
 */
@RestController
class AccountSecurityController {

    private final SecondFactors secondFactors;
    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final TokenRevocations revocations;
    private final AccessTokens tokens;
    private final SecurityAudit audit;

    AccountSecurityController(SecondFactors secondFactors, OrganizerRepository organizers, PasswordEncoder passwords,
                              TokenRevocations revocations, AccessTokens tokens, SecurityAudit audit) {
        this.secondFactors = secondFactors;
        this.organizers = organizers;
        this.passwords = passwords;
        this.revocations = revocations;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Code(@NotBlank @Size(max = 64) String code) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    record SecondFactorStatus(boolean enabled) {
    }

    /** @param code required when two-factor sign-in is on */
    record NewPassword(@NotBlank @Size(max = 128) String currentPassword,
                       @NotBlank @Size(min = 8, max = 128) String newPassword, @Size(max = 64) String code) {
    }

    @GetMapping("/api/v1/organizers/me/second-factor")
    SecondFactorStatus status(AuthenticatedOrganizer organizer) {
        return new SecondFactorStatus(secondFactors.enabled(organizer.id()));
    }

    /** Starts enrolling an app: the secret and its {@code otpauth://} link, shown this once. */
    @PostMapping("/api/v1/organizers/me/second-factor")
    SecondFactors.Enrolment enrol(AuthenticatedOrganizer organizer) {
        String email = organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer",
                organizer.id())).email();
        return secondFactors.enrol(organizer.id(), email);
    }

    /** The app's first code turns two-factor sign-in on; the recovery codes are shown this once. */
    @PostMapping("/api/v1/organizers/me/second-factor/confirm")
    RecoveryCodes confirm(AuthenticatedOrganizer organizer, @Valid @RequestBody Code code) {
        return new RecoveryCodes(secondFactors.confirm(organizer.id(), code.code()));
    }

    @PostMapping("/api/v1/organizers/me/second-factor/recovery-codes")
    RecoveryCodes renewRecoveryCodes(AuthenticatedOrganizer organizer, @Valid @RequestBody Code code) {
        return new RecoveryCodes(secondFactors.renewRecoveryCodes(organizer.id(), code.code()));
    }

    @DeleteMapping("/api/v1/organizers/me/second-factor")
    ResponseEntity<Void> disable(AuthenticatedOrganizer organizer, @Valid @RequestBody Code code) {
        secondFactors.disable(organizer.id(), code.code());
        return ResponseEntity.noContent().build();
    }

    /** Every token issued before is signed out; the answer carries a fresh one for this client. */
    @PostMapping("/api/v1/organizers/me/password")
    SignInController.AccessToken changePassword(AuthenticatedOrganizer organizer,
                                                @Valid @RequestBody NewPassword request) {
        var stored = organizers.findCredentials(organizer.id())
                .orElseThrow(() -> Problems.notFound("organizer", organizer.id()));
        if (!passwords.matches(request.currentPassword(), stored.passwordHash())) {
            throw Problems.unprocessable("currentPassword", "not the account's password");
        }
        if (secondFactors.enabled(organizer.id()) && !secondFactors.check(organizer.id(), request.code())) {
            throw Problems.unprocessable("code", "two-factor sign-in is on: a current code of the app is needed");
        }
        organizers.updatePassword(organizer.id(), passwords.encode(request.newPassword()));
        revocations.revokeAll(organizer.id());
        audit.record(organizer.id(), SecurityAudit.Action.PASSWORD_CHANGED, null);
        return new SignInController.AccessToken(tokens.issue(organizer.id(), stored.email()), "Bearer");
    }

    @GetMapping("/api/v1/organizers/me/security-events")
    List<SecurityAudit.Entry> events(AuthenticatedOrganizer organizer) {
        return audit.of(organizer.id(), 100);
    }
}
