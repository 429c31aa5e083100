package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;

/**
 * The guest's invitation page: server-rendered, small, mobile-first, and usable without JavaScript (the RSVP
 * form posts back here). Every GET records an open.
 */
@Controller
class GuestPageController {

    private final InvitationService invitations;
    private final Events events;
    private final GuestPage page = new GuestPage();

    GuestPageController(InvitationService invitations, Events events) {
        this.invitations = invitations;
        this.events = events;
    }

    @GetMapping("/i/{token}")
    ResponseEntity<String> show(@PathVariable String token,
                                @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
                                @RequestParam(required = false) String answered) {
        // the redirect after the form's answer shows the page again: that is not another open
        GuestInvitation invitation = (answered != null ? invitations.find(token)
                : invitations.open(token, ClientFamily.of(userAgent)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        PartyEvent event = events.find(invitation.partyEventId()).orElseThrow();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                // personal page: never cached by a shared cache, and the answer shown must be current
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(page.render(event, invitation, token));
    }

    /** The form's answer; redirects back to the page (post/redirect/get). */
    @PostMapping(value = "/i/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> answer(@PathVariable String token, @RequestParam Rsvp response,
                                @RequestParam(defaultValue = "0") int plusOnes,
                                @RequestParam(required = false) String note) {
        int bounded = Math.max(0, Math.min(20, response == Rsvp.NO ? 0 : plusOnes));
        String storable = note == null ? null : note.replace("\u0000", ""); // PostgreSQL text cannot hold NUL
        String trimmedNote = storable == null ? null : storable.substring(0, Math.min(storable.length(), 1000));
        invitations.answer(token, response, bounded, trimmedNote);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/i/" + token + "?answered")).build();
    }
}
