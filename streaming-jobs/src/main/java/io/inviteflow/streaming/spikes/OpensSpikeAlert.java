package io.inviteflow.streaming.spikes;

/** A spike found: {@code opens} in the minute starting at {@code minuteStartMs}, against {@code usualPerMinute}. */
public record OpensSpikeAlert(String partyEventId, long minuteStartMs, long opens, double usualPerMinute) {
}
