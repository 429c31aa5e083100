package io.inviteflow.streaming.totals;

import io.inviteflow.streaming.records.ActivityEvent;

import java.util.Map;

/**
 * The top of a campaign's funnel, from its one {@code MESSAGE_QUEUED} (the rest of the funnel is counted per
 * invitation, {@link InvitationCounters}), in the manner of the other counters: facts, then contributions.
 */
public final class CampaignCounters {

    private CampaignCounters() {
    }

    public static void learn(CampaignFacts f, ActivityEvent a) {
        if (!f.queued) {
            f.queued = true;
            f.people = a.details().amountMinor();
        }
    }

    public static Map<CounterId, Long> contributions(CampaignFacts f, String campaignId) {
        return f.queued ? Map.of(CounterId.of(Metrics.CAMPAIGN, campaignId, Metrics.QUEUED), f.people) : Map.of();
    }
}
