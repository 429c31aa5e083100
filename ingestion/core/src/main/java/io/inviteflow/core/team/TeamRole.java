package io.inviteflow.core.team;

/** What a member of an organizer's team works on. */
public enum TeamRole {
    /** One event, all of it — guests, invitations, tickets, the wall, the door — but its team and calling it off. */
    CO_ORGANIZER,
    /**
     * One event, to read: everything a co-organizer reads of it (guests, answers, sales, the wall, the door's
     * check-ins) but its discount codes, changing nothing — a planner's client, a venue's manager, a sponsor.
     */
    VIEWER,
    /** The organizer's campaigns and address book, and reading their events to aim campaigns at. */
    MARKETING
}
