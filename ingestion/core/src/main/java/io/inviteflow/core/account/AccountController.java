package io.inviteflow.core.account;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.Roles;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.util.UUID;

/** Sign-up of organizers, and who is signed in (sign-in: {@link SignInController}). */
@RestController
class AccountController {

    private final OrganizerRepository organizers;
    private final PasswordEncoder passwords;
    private final SecurityAudit audit;
    private final TransactionTemplate transactions;
    private final EmailVerifications verifications;
    private final Roles roles;
    private final TakenAddressNotice takenAddress;
    private final AccountMail mail;

    AccountController(OrganizerRepository organizers, PasswordEncoder passwords, SecurityAudit audit,
                      TransactionTemplate transactions, EmailVerifications verifications, Roles roles,
                      TakenAddressNotice takenAddress, AccountMail mail) {
        this.organizers = organizers;
        this.passwords = passwords;
        this.audit = audit;
        this.transactions = transactions;
        this.verifications = verifications;
        this.roles = roles;
        this.takenAddress = takenAddress;
        this.mail = mail;
    }

    record SignUp(@NotBlank @Email @Size(max = 254) String email,
                  @NotBlank @Size(min = 8, max = 128) String password,
                  @NotBlank @Size(max = 200) String name) {
    }

    /**
     * A new account, or, for an address that has one already, the same answer (with an id that belongs to nobody)
     * and a mail to that address's owner ({@link TakenAddressNotice}): the answer does not tell whether an address has
     * an account. Both ways hash the password and try the insert; the mail goes after the answer ({@link AccountMail}),
     * so a mail server's pace does not show in it.
     */
    @PostMapping("/api/v1/organizers")
    ResponseEntity<Organizer> signUp(@Valid @RequestBody SignUp request) {
        PasswordRules.require("password", request.password());
        var organizer = new Organizer(UUID.randomUUID(), request.email().trim(), request.name().trim());
        String hash = passwords.encode(request.password());
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!organizers.insert(organizer, hash)) {
                status.setRollbackOnly(); // the statement failed: nothing of it (the secret made for it) is kept
                return false;
            }
            audit.record(organizer.id(), SecurityAudit.Action.SIGNED_UP, null);
            return true;
        }));
        if (created) {
            mail.untilSent("an address confirmation",
                    () -> verifications.send(organizer.id(), organizer.email()).settled());
        } else {
            String ip = SecurityAudit.clientAddress();
            mail.later("a taken-address notice", () -> organizers.findCredentials(organizer.email())
                    .ifPresent(owner -> takenAddress.tell(owner.id(), owner.email(), ip)));
        }
        return ResponseEntity.created(URI.create("/api/v1/organizers/" + organizer.id())).body(organizer);
    }

    /**
     * The signed-in organizer: the console needs the id (the streaming job keys organizer-wide figures by it), the
     * roles (its admin and ML pages) and whether the address is confirmed.
     */
    @GetMapping("/api/v1/organizers/me")
    AccountProfile me(AuthenticatedOrganizer organizer) {
        Organizer o = organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer", organizer.id()));
        return new AccountProfile(o.id(), o.email(), o.name(), roles.of(o.id()), verifications.verified(o.id()));
    }
}
