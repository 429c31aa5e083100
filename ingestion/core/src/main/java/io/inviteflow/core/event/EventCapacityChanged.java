package io.inviteflow.core.event;

import java.util.UUID;

/**
 * Published (in the organizer's transaction) when an event's capacity grew or was lifted, so the guests waiting for a
 * place can be confirmed in the same transaction.
 */
public record EventCapacityChanged(UUID eventId) {
}
