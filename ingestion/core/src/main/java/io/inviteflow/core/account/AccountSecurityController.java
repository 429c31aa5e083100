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
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * An organizer's own account security: two-factor sign-in (enrol an authenticator app — with the password —, confirm it
 * with a first code, renew recovery codes and turn it off — with a code), a new password (with the current one, and a
 * code when two-factor sign-in is on; it signs out every other token) and the account's audit trail. The proofs are
 * {@link Reauthentication}'s: counted and locked like sign-ins, so a stolen token cannot guess them.
 */
@RestController
class AccountSecurityController {

    private final SecondFactors secondFactors;
    private final Reauthentication reauthentication;
    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final TokenRevocations revocations;
    private final AccessTokens tokens;
    private final SecurityAudit audit;
    private final TransactionTemplate transactions;

    AccountSecurityController(SecondFactors secondFactors, Reauthentication reauthentication,
                              OrganizerRepository organizers, PasswordEncoder passwords, TokenRevocations revocations,
                              AccessTokens tokens, SecurityAudit audit, TransactionTemplate transactions) {
        this.secondFactors = secondFactors;
        this.reauthentication = reauthentication;
        this.organizers = organizers;
        this.passwords = passwords;
        this.revocations = revocations;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    record Password(@NotBlank @Size(max = 128) String password) {
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

    /** Starts enrolling an app (the password first): the secret and its {@code otpauth://} link, shown this once. */
    @PostMapping("/api/v1/organizers/me/second-factor")
    SecondFactors.Enrolment enrol(AuthenticatedOrganizer organizer, @Valid @RequestBody Password password) {
        reauthentication.requirePassword(organizer.id(), password.password());
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
        requireOn(organizer);
        reauthentication.requireCode(organizer.id(), code.code());
        return new RecoveryCodes(secondFactors.renewRecoveryCodes(organizer.id()));
    }

    @DeleteMapping("/api/v1/organizers/me/second-factor")
    ResponseEntity<Void> disable(AuthenticatedOrganizer organizer, @Valid @RequestBody Code code) {
        requireOn(organizer);
        reauthentication.requireCode(organizer.id(), code.code());
        secondFactors.disable(organizer.id());
        return ResponseEntity.noContent().build();
    }

    private void requireOn(AuthenticatedOrganizer organizer) {
        if (!secondFactors.enabled(organizer.id())) {
            throw Problems.conflict("two-factor sign-in is off");
        }
    }

    /** Every token issued before is signed out; the answer carries a fresh one for this client. */
    @PostMapping("/api/v1/organizers/me/password")
    AccessTokens.Issued changePassword(AuthenticatedOrganizer organizer,
                                                @Valid @RequestBody NewPassword request) {
        // the new password's rules first: a refused one must not spend a one-time code
        PasswordRules.require("newPassword", request.newPassword());
        reauthentication.requirePasswordAndCode(organizer.id(), request.currentPassword(), request.code());
        String email = organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer",
                organizer.id())).email();
        String hash = passwords.encode(request.newPassword());
        transactions.executeWithoutResult(status -> {
            organizers.updatePassword(organizer.id(), hash);
            revocations.revokeAll(organizer.id());
            audit.record(organizer.id(), SecurityAudit.Action.PASSWORD_CHANGED, null);
        });
        return AccessTokens.Issued.bearer(tokens.issue(organizer.id(), email));
    }

    @GetMapping("/api/v1/organizers/me/security-events")
    List<SecurityAudit.Entry> events(AuthenticatedOrganizer organizer) {
        return audit.of(organizer.id(), 100);
    }
}
