package io.inviteflow.contract;

/** What happened. New types may be added; consumers must skip types they do not know. */
public enum ActivityType {
    /** An organizer invited a guest. Payload: {@link Payloads.InvitationCreated}. */
    INVITATION_CREATED,
    /** A guest opened the invitation page (every open, not only the first). Payload: {@link Payloads.InvitationOpened}. */
    INVITATION_OPENED,
    /** A guest answered or changed the answer. Payload: {@link Payloads.RsvpAnswered}. */
    RSVP_ANSWERED,
    /** A reminder went out to a guest. Payload: {@link Payloads.ReminderSent}. */
    REMINDER_SENT
}
