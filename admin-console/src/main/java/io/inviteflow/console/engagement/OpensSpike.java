package io.inviteflow.console.engagement;

import java.time.Instant;

/**
 * A minute in which an event got far more opens than it usually does, as the streaming job's spike detector reported
 * it (an {@code OPENS_SPIKE} activity, archived in {@code activity_log}).
 *
 * @param minuteStart    the minute's start
 * @param opens          opens in that minute
 * @param usualPerMinute the event's usual opens per minute before it
 */
public record OpensSpike(Instant minuteStart, long opens, double usualPerMinute) {
}
