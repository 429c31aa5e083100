package io.inviteflow.core.event;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The organizer's switches for the guest side: invite-a-friend, wall, chat. */
@RestController
@RequestMapping("/api/v1/events/{eventId}/guest-options")
class GuestOptionsController {

    private final Events events;
    private final EventRepository repository;

    GuestOptionsController(Events events, EventRepository repository) {
        this.events = events;
        this.repository = repository;
    }

    @GetMapping
    @Operation(summary = "What guests may do on their invitation pages")
    GuestOptions get(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        return events.guestOptions(eventId);
    }

    @PutMapping
    @Operation(summary = "Let guests invite friends (how many each), and turn the wall and the chat on or off")
    GuestOptions put(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @RequestBody GuestOptions options) {
        events.requireOwned(eventId, organizer.id());
        if (options.friendInvites() < 0 || options.friendInvites() > 50) {
            throw Problems.unprocessable("friendInvites", "between 0 and 50 friends per guest");
        }
        repository.updateGuestOptions(eventId, options);
        return events.guestOptions(eventId);
    }
}
