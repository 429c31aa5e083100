package io.inviteflow.core.idea;

import io.inviteflow.core.guestpage.GuestView;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.invitation.GuestPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ideas' controls on the invitation page: the pick form (plain HTML, post/redirect/get; {@code picked=false} takes
 * it back) and the beacon guest.js sends when the guest opens an idea's details.
 */
@Controller
class GuestIdeasController {

    private final GuestAccess access;
    private final IdeaService ideas;
    private final GuestPages pages;

    GuestIdeasController(GuestAccess access, IdeaService ideas, GuestPages pages) {
        this.access = access;
        this.ideas = ideas;
        this.pages = pages;
    }

    @PostMapping("/i/{token}/ideas/{itemId}")
    ResponseEntity<byte[]> pick(@PathVariable String token, @PathVariable String itemId,
                                @RequestParam(defaultValue = "true") boolean picked, HttpServletRequest request) {
        GuestAccess.Guest guest = access.require(token);
        try {
            ideas.pick(guest, itemId, picked);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                    new GuestView.SectionNotice(IdeasSection.ID, pages.explain(e, request), true));
        }
        return GuestPages.backTo(token, IdeasSection.ID);
    }

    @PostMapping("/i/{token}/ideas/{itemId}/clicks")
    ResponseEntity<Void> clicked(@PathVariable String token, @PathVariable String itemId) {
        ideas.click(access.require(token), itemId);
        return ResponseEntity.noContent().build();
    }
}
