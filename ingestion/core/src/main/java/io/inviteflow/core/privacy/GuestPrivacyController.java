package io.inviteflow.core.privacy;

import io.inviteflow.core.guestpage.GuestNoticePage;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.invitation.GuestPages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * "Your data" on the guest's side: from their invitation (a link at the foot of the page) a guest asks for a copy of
 * their data or its erasure; with an address, through a link mailed to it ({@code /privacy/{token}}: a GET only asks,
 * since mail scanners open links; the POST does it), without one, at once for their own invitation.
 */
@RestController
class GuestPrivacyController {

    private final GuestAccess guests;
    private final GuestPages pages;
    private final SelfServicePrivacy privacy;

    GuestPrivacyController(GuestAccess guests, GuestPages pages, SelfServicePrivacy privacy) {
        this.guests = guests;
        this.pages = pages;
        this.privacy = privacy;
    }

    @GetMapping(value = "/i/{token}/privacy", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> page(@PathVariable String token, HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        GuestText t = pages.text(request);
        String body = privacy.emailOf(guest.invitationId()).map(email -> """
                <p>%s</p>
                <form method="post"><input type="hidden" name="kind" value="EXPORT"><button type="submit">%s</button></form>
                <form method="post"><input type="hidden" name="kind" value="ERASURE"><button type="submit">%s</button></form>"""
                .formatted(t.html("privacy.introEmail", masked(email)), t.html("privacy.askCopy"),
                        t.html("privacy.askErase"))).orElseGet(() -> """
                <p>%s</p>
                <form method="post" action="/i/%s/privacy/copy"><button type="submit">%s</button></form>
                <form method="post" action="/i/%s/privacy/erasure"><p><label><input type="checkbox" name="understood"
                 value="yes" required> %s</label></p><button type="submit">%s</button></form>"""
                .formatted(t.html("privacy.introInvitation"), token, t.html("privacy.download"), token,
                        t.html("privacy.understood"), t.html("privacy.askErase")));
        return GuestNoticePage.render(t, t.html("privacy.title"), body, token);
    }

    @PostMapping(value = "/i/{token}/privacy", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A guest asks for a copy or the erasure of their data: a confirmation link goes to their address")
    ResponseEntity<byte[]> ask(@PathVariable String token, @RequestParam String kind, HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        GuestText t = pages.text(request);
        Optional<String> email = privacy.emailOf(guest.invitationId());
        if (email.isEmpty() || !(kind.equals(SelfServicePrivacy.EXPORT) || kind.equals(SelfServicePrivacy.ERASURE))) {
            return page(token, request);
        }
        try {
            if (privacy.ask(kind, email.get(), t) == SelfServicePrivacy.Asked.TOO_MANY) {
                return status(HttpStatus.TOO_MANY_REQUESTS, GuestNoticePage.render(t, t.html("privacy.tooManyTitle"),
                        "<p>" + t.html("privacy.tooMany") + "</p>", token));
            }
        } catch (MailException e) {
            return status(HttpStatus.SERVICE_UNAVAILABLE, GuestNoticePage.render(t, t.html("privacy.title"),
                    "<p>" + t.html("privacy.mailFailed") + "</p>", token));
        }
        return GuestNoticePage.render(t, t.html("privacy.mailedTitle"),
                "<p>" + t.html("privacy.mailed", masked(email.get())) + "</p>", token);
    }

    @PostMapping("/i/{token}/privacy/copy")
    @Operation(summary = "A guest without an address downloads the copy of their invitation's data")
    ResponseEntity<byte[]> copyOfInvitation(@PathVariable String token, HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        if (privacy.emailOf(guest.invitationId()).isPresent()) {
            return page(token, request); // with an address: through the mailed link
        }
        return archive(privacy.copyOfInvitation(guest.invitationId()));
    }

    @PostMapping(value = "/i/{token}/privacy/erasure", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A guest without an address erases their invitation's data")
    ResponseEntity<byte[]> eraseInvitation(@PathVariable String token,
                                           @RequestParam(required = false) String understood,
                                           HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        if (privacy.emailOf(guest.invitationId()).isPresent() || !"yes".equals(understood)) {
            return page(token, request);
        }
        privacy.eraseInvitation(guest.invitationId());
        GuestText t = pages.text(request);
        return GuestNoticePage.render(t, t.html("privacy.erasedTitle"), "<p>" + t.html("privacy.erased") + "</p>",
                null);
    }

    @GetMapping(value = "/privacy/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> confirmation(@PathVariable String token, HttpServletRequest request) {
        GuestText t = pages.text(request);
        return privacy.pending(token).map(p -> GuestNoticePage.render(t, t.html("privacy.confirmTitle"), """
                        <p>%s</p>
                        <form method="post"><button type="submit">%s</button></form>""".formatted(
                        p.kind().equals(SelfServicePrivacy.EXPORT) ? t.html("privacy.confirmCopy", p.email())
                                : t.html("privacy.confirmErase", p.email()),
                        p.kind().equals(SelfServicePrivacy.EXPORT) ? t.html("privacy.download")
                                : t.html("privacy.eraseEverything")), null))
                .orElseGet(() -> expired(t));
    }

    @PostMapping("/privacy/{token}")
    @Operation(summary = "The guest confirms their request through the mailed link: the copy, or the erasure")
    ResponseEntity<byte[]> confirm(@PathVariable String token, HttpServletRequest request) {
        GuestText t = pages.text(request);
        return privacy.confirm(token).map(done -> done.copy() != null ? archive(done.copy())
                        : GuestNoticePage.render(t, t.html("privacy.erasedTitle"),
                        "<p>" + t.html("privacy.erased") + "</p>", null))
                .orElseGet(() -> expired(t));
    }

    private static ResponseEntity<byte[]> expired(GuestText t) {
        return status(HttpStatus.NOT_FOUND, GuestNoticePage.render(t, t.html("privacy.expiredTitle"),
                "<p>" + t.html("privacy.expired") + "</p>", null));
    }

    private static ResponseEntity<byte[]> archive(PrivacyService.Export copy) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("inviteflow-data.zip").build().toString())
                .body(copy.archive());
    }

    private static ResponseEntity<byte[]> status(HttpStatus status, ResponseEntity<byte[]> page) {
        return ResponseEntity.status(status).headers(page.getHeaders()).body(page.getBody());
    }

    /** a•••@example.org: enough for the guest to recognise, not enough for whoever got the link forwarded. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
