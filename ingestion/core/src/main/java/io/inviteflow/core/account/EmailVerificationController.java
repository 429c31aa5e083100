package io.inviteflow.core.account;

import io.inviteflow.core.guestpage.GuestNoticePage;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * An organizer's address: whether it is confirmed, a new link on request, and the link's page — a GET only asks (mail
 * scanners open links), the page's form confirms with the account's password.
 */
@RestController
class EmailVerificationController {

    private final EmailVerifications verifications;
    private final OrganizerRepository organizers;
    private final Reauthentication reauthentication;

    EmailVerificationController(EmailVerifications verifications, OrganizerRepository organizers,
                                Reauthentication reauthentication) {
        this.verifications = verifications;
        this.organizers = organizers;
        this.reauthentication = reauthentication;
    }

    record Status(boolean verified) {
    }

    @GetMapping("/api/v1/organizers/me/email-verification")
    Status status(AuthenticatedOrganizer organizer) {
        return new Status(verifications.verified(organizer.id()));
    }

    /** Mails a new link (202); 429 after three in a day, 503 while the mail server is away. */
    @PostMapping("/api/v1/organizers/me/email-verification")
    ResponseEntity<Status> resend(AuthenticatedOrganizer organizer) {
        Organizer me = organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer", organizer.id()));
        if (verifications.verified(me.id())) {
            return ResponseEntity.ok(new Status(true));
        }
        switch (verifications.send(me.id(), me.email())) {
            case TOO_MANY -> throw Problems.tooManyRequests("three links a day at most", Duration.ofHours(1));
            case MAIL_SERVER_AWAY -> throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            "the mail server is away; try again in a few minutes"), null);
            default -> {
            }
        }
        return ResponseEntity.accepted().body(new Status(false));
    }

    @GetMapping(value = "/verify-email/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> ask(@PathVariable String token) {
        return verifications.pending(token)
                .map(p -> page(HttpStatus.OK, "Confirm your address", form(p.email(), null)))
                .orElseGet(EmailVerificationController::expired);
    }

    @PostMapping(value = "/verify-email/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> confirm(@PathVariable String token, @RequestParam(required = false) String password) {
        var pending = verifications.pending(token);
        if (pending.isEmpty()) {
            return expired();
        }
        try {
            // counted and locked like a sign-in: the form cannot be used to guess the account's password
            reauthentication.requirePassword(pending.get().organizerId(), password);
        } catch (ErrorResponseException refused) {
            return page(HttpStatus.valueOf(refused.getStatusCode().value()), "Confirm your address",
                    form(pending.get().email(), refused.getBody().getDetail()));
        }
        return verifications.confirm(token)
                ? page(HttpStatus.OK, "Address confirmed", "<p>Thank you: your address is confirmed.</p>")
                : expired();
    }

    private static String form(String email, String refusal) {
        return (refusal == null ? "" : "<p><strong>" + htmlEscape(refusal) + "</strong></p>")
                + "<p>Is " + htmlEscape(email) + " the address of your Inviteflow account? Sign in to confirm it.</p>"
                + "<form method=\"post\"><p><label>Password <input type=\"password\" name=\"password\" required "
                + "autocomplete=\"current-password\"></label></p><button type=\"submit\">Confirm</button></form>";
    }

    private static ResponseEntity<byte[]> expired() {
        return page(HttpStatus.NOT_FOUND, "This link no longer works", "<p>It was used already, or it is older than "
                + "three days. Signing in mails a new one while the account waits for its address; once signed in, the "
                + "console's account page sends one too.</p>");
    }

    private static ResponseEntity<byte[]> page(HttpStatus status, String title, String body) {
        return GuestNoticePage.render(status, "en", title, body);
    }
}
