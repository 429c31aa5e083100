package io.inviteflow.streaming.totals;

import io.inviteflow.contract.ActivityType;

/** Which facts an activity belongs to; the activity's aggregateId is then the id of that aggregate. */
enum AggregateKind {
    INVITATION, ORDER, TICKET, CAMPAIGN, NONE;

    static AggregateKind of(ActivityType type) {
        return switch (type) {
            case INVITATION_CREATED, INVITATION_OPENED, RSVP_ANSWERED, REMINDER_SENT, MESSAGE_DELIVERED,
                    MESSAGE_BOUNCED, MESSAGE_OPENED, INVITATION_SHARED, WALL_POSTED, WALL_COMMENTED, WALL_REACTED,
                    CHAT_MESSAGE_SENT -> INVITATION;
            case ORDER_PLACED, ORDER_PAID, ORDER_REFUNDED, ORDER_PAYMENT_FAILED -> ORDER;
            case TICKET_ISSUED, TICKET_CHECKED_IN -> TICKET;
            case MESSAGE_QUEUED -> CAMPAIGN;
            default -> NONE;
        };
    }
}
