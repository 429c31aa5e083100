package io.inviteflow.core.team;

/** What a member of an organizer's team works on. */
public enum TeamRole {
    /** One event, all of it — guests, invitations, tickets, the wall, the door — but its team and calling it off. */
    CO_ORGANIZER,
    /** The organizer's campaigns and address book, and reading their events to aim campaigns at. */
    MARKETING
}
