package io.inviteflow.core.account;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * An organizer's address: whether it is confirmed, a new link on request, and the link's page — a GET only asks (mail
 * scanners open links), the page's button confirms.
 */
@RestController
class EmailVerificationController {

    private final EmailVerifications verifications;
    private final OrganizerRepository organizers;

    EmailVerificationController(EmailVerifications verifications, OrganizerRepository organizers) {
        this.verifications = verifications;
        this.organizers = organizers;
    }

    record Status(boolean verified) {
    }

    @GetMapping("/api/v1/organizers/me/email-verification")
    Status status(AuthenticatedOrganizer organizer) {
        return new Status(verifications.verified(organizer.id()));
    }

    /** Mails a new link (202); 429 after three in a day. */
    @PostMapping("/api/v1/organizers/me/email-verification")
    ResponseEntity<Status> resend(AuthenticatedOrganizer organizer) {
        Organizer me = organizers.find(organizer.id()).orElseThrow(() -> Problems.notFound("organizer", organizer.id()));
        if (verifications.verified(me.id())) {
            return ResponseEntity.ok(new Status(true));
        }
        if (!verifications.send(me.id(), me.email(), me.name())) {
            throw Problems.tooManyRequests("no more links for this address today, or the mail server is away",
                    Duration.ofHours(1));
        }
        return ResponseEntity.accepted().body(new Status(false));
    }

    @GetMapping(value = "/verify-email/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> ask(@PathVariable String token) {
        return verifications.addressOf(token)
                .map(email -> page(HttpStatus.OK, "Confirm your address", "<p>Is " + htmlEscape(email)
                        + " your address?</p><form method=\"post\"><button type=\"submit\">Yes, confirm it</button></form>"))
                .orElseGet(EmailVerificationController::expired);
    }

    @PostMapping(value = "/verify-email/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> confirm(@PathVariable String token) {
        return verifications.confirm(token)
                ? page(HttpStatus.OK, "Address confirmed", "<p>Thank you: your address is confirmed.</p>")
                : expired();
    }

    private static ResponseEntity<byte[]> expired() {
        return page(HttpStatus.NOT_FOUND, "This link no longer works",
                "<p>It was used already, or it is older than three days. The console's account page sends a new one.</p>");
    }

    private static ResponseEntity<byte[]> page(HttpStatus status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta name="robots" content="noindex"><title>%s</title></head>
                <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">
                <h1>%s</h1>
                %s
                </body></html>""".formatted(title, title, body);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html.getBytes(StandardCharsets.UTF_8));
    }
}
