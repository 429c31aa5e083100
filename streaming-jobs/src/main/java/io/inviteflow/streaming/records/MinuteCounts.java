package io.inviteflow.streaming.records;

/** Opens and answers counted in one event-minute window. */
public record MinuteCounts(long opens, long answers) {
}
