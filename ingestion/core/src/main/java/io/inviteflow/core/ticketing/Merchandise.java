package io.inviteflow.core.ticketing;

import java.util.UUID;

/** An item sold in bundles with tickets, with its own stock ({@code taken}: held by pending orders, or sold). */
public record Merchandise(UUID id, UUID eventId, String name, int quantity, int taken) {

    public int available() {
        return quantity - taken;
    }

    /** What one ticket of a bundle tier includes. */
    public record Included(UUID itemId, String name, int quantity) {
    }
}
