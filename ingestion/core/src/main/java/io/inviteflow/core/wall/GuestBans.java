package io.inviteflow.core.wall;

import org.springframework.stereotype.Component;

import java.util.UUID;

/** Whether the organizer banned a guest from the event's wall and chat (the chat asks before taking a message). */
@Component
public class GuestBans {

    private final WallRepository repository;

    GuestBans(WallRepository repository) {
        this.repository = repository;
    }

    public boolean banned(UUID eventId, UUID invitationId) {
        return repository.banned(eventId, invitationId);
    }
}
