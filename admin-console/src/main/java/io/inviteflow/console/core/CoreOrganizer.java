package io.inviteflow.console.core;

import java.util.UUID;

/** The signed-in organizer's account, as the core's {@code GET /api/v1/organizers/me} returns it. */
public record CoreOrganizer(UUID id, String email, String name) {
}
