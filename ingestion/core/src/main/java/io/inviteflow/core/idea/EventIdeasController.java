package io.inviteflow.core.idea;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/events/{id}/ideas}: the ideas guests see for the event and who picked each (who brings what, who
 * gives which registry gift). 404 for another organizer's event.
 */
@RestController
class EventIdeasController {

    private final IdeaService ideas;

    EventIdeasController(IdeaService ideas) {
        this.ideas = ideas;
    }

    /** @param exclusive a registry gift: one guest gives it */
    record EventIdea(String id, Idea.Kind kind, String name, boolean exclusive, List<PickedBy> pickedBy) {
    }

    record PickedBy(UUID invitationId, String guestName, Instant pickedAt) {
    }

    @GetMapping("/api/v1/events/{id}/ideas")
    List<EventIdea> ideas(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return ideas.forOrganizer(organizer.id(), id);
    }
}
