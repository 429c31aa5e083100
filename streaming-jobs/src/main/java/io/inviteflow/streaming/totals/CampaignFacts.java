package io.inviteflow.streaming.totals;

/** What the job remembers about one campaign's queue (keyed state, mutable Flink POJO). */
public class CampaignFacts {

    public boolean queued;
    public long people;
}
