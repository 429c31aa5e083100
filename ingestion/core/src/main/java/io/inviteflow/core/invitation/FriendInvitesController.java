package io.inviteflow.core.invitation;

import io.inviteflow.core.guestpage.GuestView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Invite-a-friend from the invitation page: the guest names a friend and gets a link of the friend's own to share
 * (with the phone's share sheet, WhatsApp, email or by copying it). Shown on the page right away.
 */
@Controller
class FriendInvitesController {

    private final InvitationService invitations;
    private final GuestPages pages;

    FriendInvitesController(InvitationService invitations, GuestPages pages) {
        this.invitations = invitations;
        this.pages = pages;
    }

    /** The guest tapped a share button (sent by guest.js as a beacon); only where to is recorded. */
    @PostMapping("/i/{token}/shares")
    ResponseEntity<Void> shared(@PathVariable String token, @RequestParam String target) {
        invitations.recordShare(token, target);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/i/{token}/friends", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> invite(@PathVariable String token, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String email, HttpServletRequest request) {
        try {
            InvitationService.IssuedInvitation friend = invitations.referFriend(token, name, email);
            return pages.show(HttpStatus.CREATED, token, request,
                    new GuestView.SectionNotice(ShareSection.ID, friend.link(), false));
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                    new GuestView.SectionNotice(ShareSection.ID, pages.explain(e, request), true));
        }
    }
}
