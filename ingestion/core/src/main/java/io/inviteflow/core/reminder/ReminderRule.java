package io.inviteflow.core.reminder;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * One reminder an event sends: its kind, how long before (or after) its moment, and through which channels.
 *
 * @param offset before the start ({@link Kind#BEFORE_EVENT}), after the invitation ({@link Kind#UNOPENED}), before the
 *               RSVP deadline ({@link Kind#MAYBE_BEFORE_DEADLINE})
 */
public record ReminderRule(UUID id, Kind kind, Duration offset, Set<Channel> channels) {

    /** The shortest and longest offsets: a quarter of an hour, ninety days. */
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofDays(90);

    public enum Kind {
        /** to guests coming (YES or MAYBE, not waitlisted) before the event starts */
        BEFORE_EVENT,
        /** to guests who have neither opened nor answered their invitation, after it was made */
        UNOPENED,
        /** to MAYBE guests before the RSVP deadline (or the start, when there is none) */
        MAYBE_BEFORE_DEADLINE
    }

    public enum Channel { EMAIL, PUSH }
}
