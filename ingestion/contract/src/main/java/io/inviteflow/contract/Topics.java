package io.inviteflow.contract;

/** Kafka topics of the public activity contract. */
public final class Topics {

    /**
     * Every invitation, open, answer and reminder, as an {@link Activity} in JSON.
     * Keyed by the party event's id so all activity of one event stays in order on one partition.
     */
    public static final String ACTIVITY = "inviteflow.activity.v1";

    private Topics() {
    }
}
