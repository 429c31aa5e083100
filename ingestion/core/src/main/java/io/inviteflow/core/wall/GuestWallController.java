package io.inviteflow.core.wall;

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
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The wall's forms on the invitation page (plain HTML forms: post/redirect/get). A refusal shows the page again with
 * the reason in the wall's section; an unknown token is a 404 like everywhere else.
 */
@Controller
class GuestWallController {

    private final GuestAccess access;
    private final WallService wall;
    private final GuestPages pages;

    GuestWallController(GuestAccess access, WallService wall, GuestPages pages) {
        this.access = access;
        this.wall = wall;
        this.pages = pages;
    }

    @PostMapping("/i/{token}/wall")
    ResponseEntity<byte[]> post(@PathVariable String token, @RequestParam(required = false) String body,
                                @RequestParam(required = false) MultipartFile photo, HttpServletRequest request) {
        return attempt(token, request, guest -> wall.post(guest, body, bytes(photo)));
    }

    @PostMapping("/i/{token}/wall/{postId}/comments")
    ResponseEntity<byte[]> comment(@PathVariable String token, @PathVariable UUID postId,
                                   @RequestParam(required = false) String body, HttpServletRequest request) {
        return attempt(token, request, guest -> wall.comment(guest, postId, body));
    }

    @PostMapping("/i/{token}/wall/{postId}/reactions")
    ResponseEntity<byte[]> react(@PathVariable String token, @PathVariable UUID postId,
                                 @RequestParam(required = false) String reaction, HttpServletRequest request) {
        return attempt(token, request, guest -> wall.react(guest, postId, reaction));
    }

    private ResponseEntity<byte[]> attempt(String token, HttpServletRequest request,
                                           Consumer<GuestAccess.Guest> action) {
        GuestAccess.Guest guest = access.require(token);
        try {
            action.accept(guest);
        } catch (ErrorResponseException e) {
            return pages.show(HttpStatus.valueOf(e.getStatusCode().value()), token, request,
                    new GuestView.SectionNotice(WallSection.ID, pages.explain(e, request), true));
        }
        return GuestPages.backTo(token, WallSection.ID);
    }

    private static byte[] bytes(MultipartFile photo) {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        try {
            return photo.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
