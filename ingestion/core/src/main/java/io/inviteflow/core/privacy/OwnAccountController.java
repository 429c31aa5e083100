package io.inviteflow.core.privacy;

import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.account.Reauthentication;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.Roles;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * An organizer's rights over their own account: a copy of their data (what an admin's export of their address holds,
 * the account included), and the account's closing ({@link AccountClosing}) — by its organizer, with the password and
 * a code when two-factor sign-in is on, or by an admin on the organizer's request. What keeps it open is asked for
 * first, so the console can say what to do before anyone types a password.
 */
@RestController
class OwnAccountController {

    private final AccountClosing closing;
    private final PrivacyService privacy;
    private final Reauthentication reauthentication;
    private final Organizers organizers;
    private final Roles roles;

    OwnAccountController(AccountClosing closing, PrivacyService privacy, Reauthentication reauthentication,
                         Organizers organizers, Roles roles) {
        this.closing = closing;
        this.privacy = privacy;
        this.reauthentication = reauthentication;
        this.organizers = organizers;
        this.roles = roles;
    }

    /**
     * The person's copy of the account's address ({@link PersonalDataExport}), in the privacy trail as theirs. Only
     * once the address is confirmed: it holds what other organizers keep about that address, which an account made
     * with someone else's address (before sign-in waited for confirmation) must not read. 409 until then.
     */
    @PostMapping("/api/v1/organizers/me/data-export")
    ResponseEntity<byte[]> copy(AuthenticatedOrganizer organizer) {
        if (!organizers.addressConfirmed(organizer.id())) {
            throw Problems.conflict("confirm the account's address first: the copy holds what is kept about it");
        }
        String address = organizers.find(organizer.id()).email();
        PrivacyService.Export export = privacy.export(Person.of(address, null), null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("inviteflow-data-" + export.requestId() + ".zip").build().toString())
                .body(export.archive());
    }

    /** @param blockers the events to cancel, or whose refunds to wait for, first; empty: it may close now */
    record Closability(boolean closable, List<AccountClosing.Blocker> blockers) {
    }

    record Confirmation(@NotBlank @Size(max = 128) String password, @Size(max = 64) String code) {
    }

    /** @param erased rows erased, emptied or withdrawn, per kind */
    record Closed(Map<String, Integer> erased) {
    }

    @GetMapping("/api/v1/organizers/me/closure")
    Closability closability(AuthenticatedOrganizer organizer) {
        List<AccountClosing.Blocker> blockers = closing.blockers(organizer.id());
        return new Closability(blockers.isEmpty(), blockers);
    }

    /** 409 while an event keeps it open (before the password is checked: a refused closing spends no code). */
    @PostMapping("/api/v1/organizers/me/closure")
    Closed close(AuthenticatedOrganizer organizer, @Valid @RequestBody Confirmation confirmation) {
        if (!closing.blockers(organizer.id()).isEmpty()) {
            throw Problems.conflict("cancel the events that still concern guests first (GET this address lists them)");
        }
        reauthentication.requirePasswordAndCode(organizer.id(), confirmation.password(), confirmation.code());
        return new Closed(closing.close(organizer.id(), null));
    }

    /** @param password the admin's own, and {@code code} with their two-factor sign-in on: it cannot be undone */
    record Subject(String email, String password, String code) {
    }

    /**
     * An admin closes the account of this address, on its organizer's request; 404 when no account has it. The role
     * is checked before the body's fields: nobody else learns what they should be.
     */
    @PostMapping("/api/v1/admin/privacy/account-closures")
    Closed closeFor(AuthenticatedOrganizer admin, @RequestBody Subject subject) {
        roles.requireAdmin(admin);
        if (subject.email() == null || subject.email().isBlank() || subject.email().length() > 254) {
            throw Problems.unprocessable("email", "the address the organizer signs in with");
        }
        reauthentication.requirePasswordAndCode(admin.id(), subject.password(), subject.code());
        var id = organizers.idOf(subject.email()).orElseThrow(() -> Problems.notFound("account", subject.email()));
        return new Closed(closing.close(id, admin.id()));
    }
}
