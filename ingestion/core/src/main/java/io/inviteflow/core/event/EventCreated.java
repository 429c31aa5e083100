package io.inviteflow.core.event;

import java.util.UUID;

/**
 * Published (in the organizer's transaction) when an event is created, so features that start from its template (the
 * reminder schedule) set themselves up in the same transaction.
 *
 * @param template the template's id, or null
 */
public record EventCreated(UUID eventId, String template) {
}
