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
 * The guest's yes and no to marketing texts, from their invitation page ({@link SmsConsentSection}); the page comes
 * back with what was done. A guest without a number with its country code has nothing to say yes to (422).
 */
@RestController
class SmsConsentController {

    private final GuestAccess guests;
    private final GuestPages pages;
    private final SmsConsents consents;

    SmsConsentController(GuestAccess guests, GuestPages pages, SmsConsents consents) {
        this.guests = guests;
        this.pages = pages;
        this.consents = consents;
    }

    @PostMapping(value = "/i/{token}/texts", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The guest says yes to marketing texts at their invitation's number (kept with time and source)")
    ResponseEntity<byte[]> give(@PathVariable String token, HttpServletRequest request) {
        var given = consents.give(guests.require(token), "invitation page");
        var text = pages.text(request);
        return given.map(phone -> pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(
                        SmsConsentSection.ID, text.text("texts.started", SmsConsentSection.masked(phone)), false)))
                .orElseGet(() -> pages.show(HttpStatus.UNPROCESSABLE_ENTITY, token, request, null));
    }

    @PostMapping(value = "/i/{token}/texts/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "No more marketing texts to this guest's number")
    ResponseEntity<byte[]> stop(@PathVariable String token, HttpServletRequest request) {
        consents.withdraw(guests.require(token), "invitation page");
        return pages.show(HttpStatus.OK, token, request, new GuestView.SectionNotice(SmsConsentSection.ID,
                pages.text(request).text("texts.stopped"), false));
    }
}
