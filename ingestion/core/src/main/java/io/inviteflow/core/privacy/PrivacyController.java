package io.inviteflow.core.privacy;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.Roles;
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

/**
 * Admins handle people's requests about their data, across every organizer: a copy as a ZIP archive, or erasure
 * (everywhere at once, irreversible); each is recorded in the trail, which admins read. Everyone else gets 403.
 */
@RestController
class PrivacyController {

    private final PrivacyService privacy;
    private final Roles roles;

    PrivacyController(PrivacyService privacy, Roles roles) {
        this.privacy = privacy;
        this.roles = roles;
    }

    /** Either an email address or a mobile number in international form. */
    record Subject(@Size(max = 254) String email, @Size(max = 32) String phone) {
    }

    @PostMapping("/api/v1/admin/privacy/exports")
    ResponseEntity<byte[]> export(AuthenticatedOrganizer admin, @RequestBody Subject subject) {
        roles.requireAdmin(admin);
        PrivacyService.Export export = privacy.export(Person.of(subject.email(), subject.phone()), admin.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("inviteflow-data-" + export.requestId() + ".zip").build().toString())
                .body(export.archive());
    }

    @PostMapping("/api/v1/admin/privacy/erasures")
    PrivacyService.Erasure erase(AuthenticatedOrganizer admin, @RequestBody Subject subject) {
        roles.requireAdmin(admin);
        return privacy.erase(Person.of(subject.email(), subject.phone()), admin.id());
    }

    @GetMapping("/api/v1/admin/privacy/requests")
    List<PrivacyRequests.Handled> trail(AuthenticatedOrganizer admin) {
        roles.requireAdmin(admin);
        return privacy.trail();
    }
}
