package io.inviteflow.core.event;

/**
 * What the organizer lets guests do on their invitation pages.
 *
 * @param friendInvites how many friends each guest may invite with an invite-a-friend link (0: none)
 * @param wall          whether the event has a wall guests can post on
 * @param chat          whether the event has an (end-to-end encrypted) guest chat
 */
public record GuestOptions(int friendInvites, boolean wall, boolean chat) {

    public static final GuestOptions DEFAULT = new GuestOptions(0, true, true);
}
