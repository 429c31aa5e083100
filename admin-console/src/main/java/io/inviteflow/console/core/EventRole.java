package io.inviteflow.console.core;

/**
 * What the signed-in organizer may do on an event they can open, as the core's team policy decides it; pages offer
 * only that (the core refuses the rest anyway).
 */
public enum EventRole {
    OWNER, CO_ORGANIZER, VIEWER;

    /** Guests, invitations, questions, pictures, the wall, ticket sales, doors, reminders. */
    public boolean changes() {
        return this != VIEWER;
    }

    /** Calling the event off, refunding, and its team: the owner's alone. */
    public boolean owns() {
        return this == OWNER;
    }
}
