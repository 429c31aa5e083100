package io.inviteflow.core.campaign;

import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.invitation.GuestPages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guest's yes and no to the organizer's marketing mail, from their invitation page ({@link MailConsentSection});
 * the page comes back with what was done. A guest invited without an address has nothing to say yes to (422).
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
    @Operation(summary = "The guest says yes to the organizer's marketing mail (kept with time and source)")
    ResponseEntity<byte[]> give(@PathVariable String token, HttpServletRequest request) {
        if (!consents.give(guests.require(token), "invitation page")) {
            return pages.show(HttpStatus.UNPROCESSABLE_ENTITY, token, request, null);
        }
        return pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(MailConsentSection.ID,
                pages.text(request).text("news.started"), false));
    }

    @PostMapping(value = "/i/{token}/news/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "No more of the organizer's marketing mail to this guest's address")
    ResponseEntity<byte[]> stop(@PathVariable String token, HttpServletRequest request) {
        consents.withdraw(guests.require(token), "invitation page");
        return pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(MailConsentSection.ID,
                pages.text(request).text("news.stopped"), false));
    }
}
