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
    REMINDER_SENT,
    /** The organizer changed what guests see (title, place, details). Payload: {@link Payloads.EventUpdated}. */
    EVENT_UPDATED,
    /** The event moved to another time. Payload: {@link Payloads.EventRescheduled}. */
    EVENT_RESCHEDULED,
    /** The organizer cancelled the event. Payload: {@link Payloads.EventCancelled}. */
    EVENT_CANCELLED,
    /** A YES did not fit the event's capacity and waits for a place. Payload: {@link Payloads.Waitlisted}. */
    WAITLIST_JOINED,
    /** A place freed up and a waiting guest is now confirmed (and must be told). Payload: {@link Payloads.Waitlisted}. */
    WAITLIST_PROMOTED,
    /** A guest posted on the event's wall. Payload: {@link Payloads.WallPosted}. */
    WALL_POSTED,
    /** A guest commented on a wall post. Payload: {@link Payloads.WallCommented}. */
    WALL_COMMENTED,
    /** A guest reacted to a wall post, or took the reaction back. Payload: {@link Payloads.WallReacted}. */
    WALL_REACTED,
    /** A guest sent an (encrypted) chat message. Payload: {@link Payloads.ChatMessageSent}. */
    CHAT_MESSAGE_SENT,
    /** A guest shared the invitation. Payload: {@link Payloads.InvitationShared}. */
    INVITATION_SHARED,
    /** A guest subscribed to Web Push notifications. Payload: {@link Payloads.PushSubscribed}. */
    PUSH_SUBSCRIBED,
    /** A buyer placed an order: its tickets are held until it is paid or the hold expires. Payload: {@link Payloads.OrderPlaced}. */
    ORDER_PLACED,
    /** The gateway confirmed an order's payment. Payload: {@link Payloads.OrderPaid}. */
    ORDER_PAID,
    /** A payment attempt was declined; the order stays open until its hold expires. Payload: {@link Payloads.OrderPaymentFailed}. */
    ORDER_PAYMENT_FAILED,
    /** An unpaid order's hold ran out and its tickets went back on sale. Payload: {@link Payloads.OrderExpired}. */
    ORDER_EXPIRED,
    /** Money went back to the buyer, in full or in part. Payload: {@link Payloads.OrderRefunded}. */
    ORDER_REFUNDED,
    /** A paid order's ticket exists (one activity per admission). Payload: {@link Payloads.TicketIssued}. */
    TICKET_ISSUED,
    /** A ticket now belongs to someone else; its old code no longer opens the door. Payload: {@link Payloads.TicketTransferred}. */
    TICKET_TRANSFERRED,
    /** A ticket was scanned at the door and let its holder in. Payload: {@link Payloads.TicketCheckedIn}. */
    TICKET_CHECKED_IN,
    /** A guest asked for no more messages of a kind (the reminders of an event). Payload: {@link Payloads.Unsubscribed}. */
    UNSUBSCRIBED,
    /** A guest's mail client showed a campaign mail (its tracking pixel, first time). Payload: {@link Payloads.MessageOpened}. */
    MESSAGE_OPENED,
    /** The recipient's mail server took a mail (the relay's report). Payload: {@link Payloads.MessageDelivered}. */
    MESSAGE_DELIVERED,
    /** The recipient's mail server refused a mail, for now or for good. Payload: {@link Payloads.MessageBounced}. */
    MESSAGE_BOUNCED,
    /**
     * A campaign's audience was fixed: its messages are queued for sending (one activity per campaign, aggregate type
     * {@code campaign}, not one per person). Payload: {@link Payloads.MessagesQueued}.
     */
    MESSAGE_QUEUED,
    /**
     * An event got far more opens in one minute than it usually does (the streaming job's spike detector; aggregate
     * type {@code party-event}). The eventId is derived from the event and the minute: a repeated alert is the same
     * activity. Payload: {@link Payloads.OpensSpike}.
     */
    OPENS_SPIKE,
    /** A guest opened an idea's details on the invitation page (an outfit, a gift, something to bring). Payload: {@link Payloads.IdeaClicked}. */
    IDEA_CLICKED,
    /** A guest picked an idea (to wear, give or bring it) or took the pick back. Payload: {@link Payloads.IdeaPicked}. */
    IDEA_PICKED,
    /**
     * A person's data was erased (at their request or an admin's): their invitations of this party event keep no name,
     * address or message, and every consumer deletes what it holds about them. One per party event the person was
     * invited to, on that event's partition, so it comes after every earlier activity of those invitations.
     * Payload: {@link Payloads.PersonErased}.
     */
    PERSON_ERASED,
    /**
     * The retention rule reached these invitations of a party event (it took place long enough ago): they keep their
     * answers but no name, address or words, and whoever holds their guests' addresses forgets them. The archive keeps
     * their activities, which name nobody. Payload: {@link Payloads.PersonErased} (the same shape).
     */
    GUEST_DATA_EXPIRED
}
