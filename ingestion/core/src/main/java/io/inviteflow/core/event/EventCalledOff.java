package io.inviteflow.core.event;

import java.util.UUID;

/**
 * Published (in the organizer's transaction) when an event is cancelled, so features that hold something for it (the
 * ticket sale's unpaid orders) let go in the same transaction.
 */
public record EventCalledOff(UUID eventId) {
}
