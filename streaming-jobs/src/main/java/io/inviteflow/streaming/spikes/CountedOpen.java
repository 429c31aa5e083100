package io.inviteflow.streaming.spikes;

/**
 * An open counted by the totals (a redelivery is not), as the spike detector needs it: which event, and when. Only
 * this crosses the network to the detector, not the whole activity.
 *
 * @param occurredAtMs event time, epoch milliseconds
 */
public record CountedOpen(String partyEventId, long occurredAtMs) {
}
