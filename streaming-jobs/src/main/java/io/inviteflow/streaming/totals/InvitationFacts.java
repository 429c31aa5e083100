package io.inviteflow.streaming.totals;

import io.inviteflow.contract.Payloads;

/**
 * What the job remembers about one invitation (keyed state; a mutable Flink POJO so an activity updates it in place).
 * Everything the counters derive from it depends only on these facts, so an activity seen twice changes nothing.
 */
public class InvitationFacts {

    public boolean created;
    public long createdAtMs;
    public String organizerId;
    public String theme;
    /** the invitation of the guest who passed this one on, or null */
    public String referredBy;
    /** event time of the earliest open, 0 while never opened */
    public long firstOpenMs;
    /** a relay reported one of its messages delivered */
    public boolean delivered;
    /** the latest answer (highest answerVersion), null while unanswered */
    public Payloads.Rsvp response;
    public int plusOnes;
    public long answerVersion;
    /** the latest answer's choices in the event's questions, {@code questionId|option} per guest and option */
    public String[] choices = new String[0];
    /** event time of the earliest answer, 0 while unanswered */
    public long firstAnswerMs;
    /** the channel of the latest open ({@code link} when it came from no message): the channel an answer is credited to */
    public String lastVia;
    /** campaigns ({@code id}) and campaign messages ({@code id|channel}) of this invitation, with {@link CampaignFlags} */
    public String[] campaignKeys = new String[0];
    public int[] campaignFlags = new int[0];
    /** see {@link RecentActivities} */
    public long[] recent = new long[0];

    public boolean opened() {
        return firstOpenMs != 0;
    }

    public boolean answered() {
        return response != null;
    }

    /** Sets {@code flag} on the campaign (or campaign message) {@code key}. */
    void flag(String key, int flag) {
        for (int i = 0; i < campaignKeys.length; i++) {
            if (campaignKeys[i].equals(key)) {
                campaignFlags[i] |= flag;
                return;
            }
        }
        campaignKeys = java.util.Arrays.copyOf(campaignKeys, campaignKeys.length + 1);
        campaignFlags = java.util.Arrays.copyOf(campaignFlags, campaignFlags.length + 1);
        campaignKeys[campaignKeys.length - 1] = key;
        campaignFlags[campaignFlags.length - 1] = flag;
    }
}
