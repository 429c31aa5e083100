package io.inviteflow.batch.notice;

import io.inviteflow.contract.ActivityType;

import java.util.Arrays;
import java.util.Optional;

/** The changes guests are told of by mail, each with the activity that reports it and the words it uses. */
enum NoticeKind {
    EVENT_UPDATED(ActivityType.EVENT_UPDATED, "event-updated", "Updated: %s",
            "the details of %s have changed. Here is the invitation as it is now, and your updated calendar entry"),
    EVENT_RESCHEDULED(ActivityType.EVENT_RESCHEDULED, "event-rescheduled", "New date: %s",
            "%s has moved. Please check that you can still come; your calendar entry is updated"),
    EVENT_CANCELLED(ActivityType.EVENT_CANCELLED, "event-cancelled", "Cancelled: %s",
            "we are sorry: %s has been cancelled. The attached entry removes it from your calendar"),
    WAITLIST_PROMOTED(ActivityType.WAITLIST_PROMOTED, "waitlist-promoted", "You're in: %s",
            "a place freed up at %s, and it is yours: you are no longer on the waitlist");

    final ActivityType activity;
    /** The ledger kind's prefix and the REMINDER_SENT activity's {@code reminderKind}. */
    final String slug;
    final String subject;
    final String sentence;

    NoticeKind(ActivityType activity, String slug, String subject, String sentence) {
        this.activity = activity;
        this.slug = slug;
        this.subject = subject;
        this.sentence = sentence;
    }

    static Optional<NoticeKind> of(ActivityType type) {
        return Arrays.stream(values()).filter(k -> k.activity == type).findFirst();
    }
}
