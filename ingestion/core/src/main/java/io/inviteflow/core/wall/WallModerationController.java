package io.inviteflow.core.wall;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The organizer's side of the wall: read everything (hidden too), hide, delete, ban. */
@RestController
@RequestMapping("/api/v1/events/{eventId}/wall")
class WallModerationController {

    private final WallService wall;

    WallModerationController(WallService wall) {
        this.wall = wall;
    }

    @GetMapping
    @Operation(summary = "The wall's newest posts with comments and reactions, hidden ones included")
    List<WallPost> posts(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return wall.forOrganizer(organizer.id(), eventId);
    }

    @PostMapping("/posts/{postId}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hide(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID postId) {
        wall.hidePost(organizer.id(), eventId, postId, true);
    }

    @PostMapping("/posts/{postId}/show")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void show(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID postId) {
        wall.hidePost(organizer.id(), eventId, postId, false);
    }

    @DeleteMapping("/posts/{postId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID postId) {
        wall.deletePost(organizer.id(), eventId, postId);
    }

    @PostMapping("/comments/{commentId}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hideComment(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID commentId) {
        wall.hideComment(organizer.id(), eventId, commentId, true);
    }

    @DeleteMapping("/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteComment(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID commentId) {
        wall.deleteComment(organizer.id(), eventId, commentId);
    }

    @GetMapping("/bans")
    @Operation(summary = "Invitations banned from the wall and the chat")
    List<UUID> bans(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return wall.bans(organizer.id(), eventId);
    }

    @PutMapping("/bans/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ban a guest from posting, commenting, reacting and chatting (they keep their invitation)")
    void ban(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID invitationId) {
        wall.ban(organizer.id(), eventId, invitationId, true);
    }

    @DeleteMapping("/bans/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unban(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID invitationId) {
        wall.ban(organizer.id(), eventId, invitationId, false);
    }
}
