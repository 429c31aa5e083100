package io.inviteflow.streaming.totals;

/** What the job remembers about one ticket (keyed state, mutable Flink POJO). */
public class TicketFacts {

    public boolean issued;
    public boolean checkedIn;
    public String tierId;
}
