package io.inviteflow.core.campaign;

import io.inviteflow.core.guestpage.GuestNoticePage;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.invitation.GuestPages;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe link of every campaign mail ({@code List-Unsubscribe}, RFC 8058 one-click): no more marketing to
 * this address, from any organizer. A GET only asks; the POST (the page's button, or the mail client's) opts out.
 */
@RestController
class StopMarketingController {

    private final GuestAccess guests;
    private final GuestPages pages;
    private final MarketingOptOuts optOuts;

    StopMarketingController(GuestAccess guests, GuestPages pages, MarketingOptOuts optOuts) {
        this.guests = guests;
        this.pages = pages;
        this.optOuts = optOuts;
    }

    @GetMapping(value = "/i/{token}/marketing/stop", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> ask(@PathVariable String token, HttpServletRequest request) {
        guests.require(token);
        GuestText t = pages.text(request);
        return GuestNoticePage.render(t, t.html("marketing.stopTitle"), """
                <p>%s</p>
                <form method="post"><button type="submit">%s</button></form>""".formatted(
                t.html("marketing.stopAsk"), t.html("marketing.stop")), token);
    }

    @PostMapping(value = "/i/{token}/marketing/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "No more marketing to this guest's address (RFC 8058 one-click, or the page's button)")
    ResponseEntity<byte[]> stop(@PathVariable String token,
                                @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
                                HttpServletRequest request) {
        optOuts.optOut(guests.require(token), "One-Click".equals(oneClick) ? "one-click" : "page");
        GuestText t = pages.text(request);
        return GuestNoticePage.render(t, t.html("marketing.stoppedTitle"), "<p>" + t.html("marketing.stopped")
                + "</p>", token);
    }
}
