package io.inviteflow.core.event;

import java.util.UUID;

/**
 * Published (in the organizer's transaction) when an event moved to another time, so features bound to the date (the
 * ticket sale's refund window) follow in the same transaction.
 */
public record EventMoved(UUID eventId) {
}
