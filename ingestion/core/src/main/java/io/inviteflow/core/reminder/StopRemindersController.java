package io.inviteflow.core.reminder;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
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
 * The unsubscribe link of every reminder: a guest stops the reminders of one event. The mail's
 * {@code List-Unsubscribe} header points here with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 * (RFC 8058), so the mail client's button works in one POST; a GET only asks (link scanners and previews open links,
 * and must not unsubscribe anyone).
 */
@RestController
class StopRemindersController {

    private final GuestAccess guests;
    private final GuestPages pages;
    private final Events events;
    private final ReminderStops stops;

    StopRemindersController(GuestAccess guests, GuestPages pages, Events events, ReminderStops stops) {
        this.guests = guests;
        this.pages = pages;
        this.events = events;
        this.stops = stops;
    }

    @GetMapping(value = "/i/{token}/reminders/stop", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> ask(@PathVariable String token, HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        GuestText t = pages.text(request);
        PartyEvent event = events.find(guest.eventId()).orElseThrow();
        return GuestNoticePage.render(t, t.html("reminders.stopTitle"), """
                <p>%s</p>
                <form method="post"><button type="submit">%s</button></form>""".formatted(
                t.html("reminders.stopAsk", event.title()), t.html("reminders.stop")), token);
    }

    @PostMapping(value = "/i/{token}/reminders/stop", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Stop the reminders of this event for this guest (RFC 8058 one-click, or the page's button)")
    ResponseEntity<byte[]> stop(@PathVariable String token,
                                @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
                                HttpServletRequest request) {
        GuestAccess.Guest guest = guests.require(token);
        stops.stop(guest, "One-Click".equals(oneClick) ? "one-click" : "page");
        GuestText t = pages.text(request);
        PartyEvent event = events.find(guest.eventId()).orElseThrow();
        return GuestNoticePage.render(t, t.html("reminders.stoppedTitle"), "<p>" + t.html("reminders.stopped", event.title())
                + "</p>", token);
    }
}
