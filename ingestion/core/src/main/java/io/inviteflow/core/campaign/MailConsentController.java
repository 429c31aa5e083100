package io.inviteflow.core.campaign;

import io.inviteflow.core.guestpage.GuestNoticePage;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.invitation.GuestPages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guest's yes and no to the organizer's marketing mail ({@link MailConsentSection}), where an installation needs
 * a yes: the page's button mails a link to the invitation's address, the link's page (a GET only asks, mail scanners
 * open links) records the yes. 404 where no yes is needed.
 */
@RestController
class MailConsentController {

    private final GuestAccess guests;
    private final GuestPages pages;
    private final MailConsents consents;

    MailConsentController(GuestAccess guests, GuestPages pages, MailConsents consents) {
        this.guests = guests;
        this.pages = pages;
        this.consents = consents;
    }

    @PostMapping(value = "/i/{token}/news", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The guest asks for news by email: a link to confirm goes to the invitation's address")
    ResponseEntity<byte[]> ask(@PathVariable String token, HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        if (!consents.needed()) {
            return pages.show(HttpStatus.NOT_FOUND, token, request, null);
        }
        GuestText t = pages.text(request);
        return switch (consents.ask(guest, token, t)) {
            case MAILED -> pages.show(HttpStatus.OK, token, request, notice(t.text("news.requested"), false));
            case TOO_MANY -> pages.show(HttpStatus.TOO_MANY_REQUESTS, token, request,
                    notice(t.text("news.tooMany"), true));
            case MAIL_SERVER_AWAY -> pages.show(HttpStatus.SERVICE_UNAVAILABLE, token, request,
                    notice(t.text("news.mailAway"), true));
            case NO_ADDRESS -> pages.show(HttpStatus.UNPROCESSABLE_ENTITY, token, request, null);
        };
    }

    @GetMapping(value = "/i/{token}/news/confirm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> confirmPage(@PathVariable String token, @RequestParam(required = false) String code,
                                       HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        GuestText t = pages.text(request);
        if (!consents.needed() || !consents.pending(guest, code)) {
            return gone(t, token);
        }
        return GuestNoticePage.render(t, t.html("news.confirmTitle"), """
                <p>%s</p>
                <form method="post"><button type="submit">%s</button></form>""".formatted(
                t.html("news.confirmAsk"), t.html("news.confirm")), token);
    }

    @PostMapping(value = "/i/{token}/news/confirm", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The guest's yes to the organizer's marketing mail, from the link mailed to their address")
    ResponseEntity<byte[]> confirm(@PathVariable String token, @RequestParam(required = false) String code,
                                   HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        if (!consents.needed() || !consents.confirm(guest, code)) {
            return gone(pages.text(request), token);
        }
        return pages.show(HttpStatus.OK, token, request, notice(pages.text(request).text("news.started"), false));
    }

    @PostMapping(value = "/i/{token}/news/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "No more of the organizer's marketing mail to this guest's address")
    ResponseEntity<byte[]> stop(@PathVariable String token, HttpServletRequest request) {
        consents.withdraw(guests.require(token), "invitation page");
        return pages.show(HttpStatus.OK, token, request, notice(pages.text(request).text("news.stopped"), false));
    }

    private static GuestView.SectionNotice notice(String message, boolean error) {
        return new GuestView.SectionNotice(MailConsentSection.ID, message, error);
    }

    private static ResponseEntity<byte[]> gone(GuestText t, String token) {
        ResponseEntity<byte[]> page = GuestNoticePage.render(t, t.html("news.confirmTitle"),
                "<p>" + t.html("news.linkGone") + "</p>", token);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(page.getHeaders()).body(page.getBody());
    }
}
