package io.inviteflow.streaming.totals;

import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.records.ActivityEvent;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.inviteflow.streaming.totals.CampaignFlags.has;

/**
 * The counters of one invitation, as pure functions: {@link #learn} updates its facts with one activity,
 * {@link #contributions} is what the facts add to every counter (the job emits the difference before/after), and
 * {@link #occurrences} is what the activity itself counts (every open, every share).
 */
public final class InvitationCounters {

    /** The channel of an open or answer that came from no message of ours (the link itself, a bookmark). */
    public static final String DIRECT = "link";

    private InvitationCounters() {
    }

    /** Updates {@code f} with {@code a}; order-independent except for what a campaign click credits to later answers. */
    public static void learn(InvitationFacts f, ActivityEvent a) {
        var d = a.details();
        switch (a.type()) {
            case INVITATION_CREATED -> {
                if (!f.created) {
                    f.created = true;
                    f.createdAtMs = a.occurredAtMs();
                    f.organizerId = d.organizerId();
                    f.theme = d.theme();
                    f.referredBy = d.referredBy();
                }
            }
            case INVITATION_OPENED -> {
                f.firstOpenMs = earliest(f.firstOpenMs, a.occurredAtMs());
                f.lastVia = d.channel() == null ? DIRECT : d.channel();
                if (d.campaignId() != null) {
                    f.flag(d.campaignId(), CampaignFlags.CLICKED);
                }
            }
            case RSVP_ANSWERED -> answer(f, a);
            case REMINDER_SENT -> flagMessage(f, a, CampaignFlags.SENT);
            case MESSAGE_DELIVERED -> {
                f.delivered = true;
                flagMessage(f, a, CampaignFlags.DELIVERED);
            }
            case MESSAGE_BOUNCED -> flagMessage(f, a, CampaignFlags.BOUNCED);
            case MESSAGE_OPENED -> {
                if (d.campaignId() != null) {
                    f.flag(d.campaignId(), CampaignFlags.OPENED);
                }
            }
            default -> {
            }
        }
    }

    /**
     * The highest answerVersion wins. Every campaign clicked before gets a new answer credited; a stale answer (a
     * lower version arriving late) was given before it and credits none.
     */
    private static void answer(InvitationFacts f, ActivityEvent a) {
        f.firstAnswerMs = earliest(f.firstAnswerMs, a.occurredAtMs());
        if (f.answered() && a.answerVersion() <= f.answerVersion) {
            return;
        }
        f.response = a.response();
        f.plusOnes = a.plusOnes();
        f.answerVersion = a.answerVersion();
        f.choices = a.details().choices();
        for (int i = 0; i < f.campaignKeys.length; i++) {
            if (has(f.campaignFlags[i], CampaignFlags.CLICKED)) {
                f.campaignFlags[i] |= CampaignFlags.ANSWERED;
            }
        }
    }

    private static void flagMessage(InvitationFacts f, ActivityEvent a, int flag) {
        String campaign = a.details().campaignId();
        if (campaign != null) {
            f.flag(campaign + '|' + channel(a), flag);
        }
    }

    /** Every counter the invitation adds 1 (or its headcount) to. */
    public static Map<CounterId, Long> contributions(InvitationFacts f, String eventId) {
        Map<CounterId, Long> c = new LinkedHashMap<>();
        one(c, f.created, Metrics.EVENT, eventId, Metrics.INVITED);
        one(c, f.delivered, Metrics.EVENT, eventId, Metrics.DELIVERED);
        one(c, f.opened(), Metrics.EVENT, eventId, Metrics.OPENED);
        one(c, f.answered(), Metrics.EVENT, eventId, Metrics.ANSWERED);
        if (f.answered()) {
            c.put(CounterId.of(Metrics.EVENT, eventId, f.response.name().toLowerCase(java.util.Locale.ROOT)), 1L);
            if (f.response == Payloads.Rsvp.YES) {
                c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.HEADCOUNT), 1L + f.plusOnes);
                for (String choice : f.choices) { // what the caterer needs: the choices of the people coming
                    c.merge(CounterId.of(Metrics.EVENT, eventId, Metrics.CHOICES, choice), 1L, Long::sum);
                }
            }
        }
        if (f.created) {
            if (f.opened()) {
                c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.TIME_TO_OPEN,
                        TimeBuckets.of(f.firstOpenMs - f.createdAtMs)), 1L);
            }
            if (f.answered()) {
                c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.TIME_TO_ANSWER,
                        TimeBuckets.of(f.firstAnswerMs - f.createdAtMs)), 1L);
            }
            one(c, f.referredBy != null, Metrics.EVENT, eventId, Metrics.REFERRALS, f.referredBy);
            if (f.organizerId != null && f.theme != null) {
                c.put(CounterId.of(Metrics.ORGANIZER, f.organizerId, Metrics.THEME_INVITED, f.theme), 1L);
                one(c, f.opened(), Metrics.ORGANIZER, f.organizerId, Metrics.THEME_OPENED, f.theme);
                one(c, f.answered(), Metrics.ORGANIZER, f.organizerId, Metrics.THEME_ANSWERED, f.theme);
                one(c, f.response == Payloads.Rsvp.YES, Metrics.ORGANIZER, f.organizerId, Metrics.THEME_YES, f.theme);
            }
        }
        for (int i = 0; i < f.campaignKeys.length; i++) {
            campaign(c, f.campaignKeys[i], f.campaignFlags[i], f.response);
        }
        return c;
    }

    private static void campaign(Map<CounterId, Long> c, String key, int flags, Payloads.Rsvp response) {
        int bar = key.indexOf('|');
        if (bar >= 0) { // one message of the campaign, on one channel
            String campaign = key.substring(0, bar);
            String channel = key.substring(bar + 1);
            one(c, has(flags, CampaignFlags.SENT), Metrics.CAMPAIGN, campaign, Metrics.SENT, channel);
            one(c, has(flags, CampaignFlags.DELIVERED), Metrics.CAMPAIGN, campaign, Metrics.DELIVERED, channel);
            one(c, has(flags, CampaignFlags.BOUNCED), Metrics.CAMPAIGN, campaign, Metrics.BOUNCED, channel);
            return;
        }
        // a click shows the message was read even when the mail client blocked the tracking pixel
        one(c, has(flags, CampaignFlags.OPENED | CampaignFlags.CLICKED), Metrics.CAMPAIGN, key, Metrics.OPENED);
        one(c, has(flags, CampaignFlags.CLICKED), Metrics.CAMPAIGN, key, Metrics.CLICKED);
        one(c, has(flags, CampaignFlags.ANSWERED), Metrics.CAMPAIGN, key, Metrics.ANSWERED);
        // like the event's yes: the latest answer counts, so a yes taken back leaves the campaign's yes too
        one(c, has(flags, CampaignFlags.ANSWERED) && response == Payloads.Rsvp.YES, Metrics.CAMPAIGN, key,
                Metrics.YES);
    }

    /**
     * What the activity itself counts, once per eventId (see {@link RecentActivities}): opens and answers per minute
     * and by channel and hour of the week, shares, wall posts, comments, reactions, chat messages. Called after {@link #learn}.
     */
    public static Map<CounterId, Long> occurrences(InvitationFacts f, ActivityEvent a) {
        Map<CounterId, Long> c = new LinkedHashMap<>();
        String event = a.partyEventId();
        switch (a.type()) {
            case INVITATION_OPENED -> {
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.OPENS_BY_MINUTE, TimeBuckets.minute(a.occurredAtMs())), 1L);
                String slot = TimeBuckets.hourOfWeek(f.lastVia, a.occurredAtMs());
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.OPENS_BY_HOUR, slot), 1L);
                if (f.organizerId != null) {
                    c.put(CounterId.of(Metrics.ORGANIZER, f.organizerId, Metrics.OPENS_BY_HOUR, slot), 1L);
                }
                if (a.details().country() != null) {
                    c.put(CounterId.of(Metrics.EVENT, event, Metrics.OPENS_BY_COUNTRY, a.details().country()), 1L);
                }
            }
            case RSVP_ANSWERED -> {
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.ANSWERS_BY_MINUTE, TimeBuckets.minute(a.occurredAtMs())),
                        1L);
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.ANSWERS_BY_HOUR,
                        TimeBuckets.hourOfWeek(f.lastVia == null ? DIRECT : f.lastVia, a.occurredAtMs())), 1L);
            }
            case INVITATION_SHARED -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.SHARES, channel(a)), 1L);
            case WALL_POSTED -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.WALL_POSTS), 1L);
            case WALL_COMMENTED -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.WALL_COMMENTS), 1L);
            case WALL_REACTED -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.REACTIONS), a.details().amountMinor());
            case CHAT_MESSAGE_SENT -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.CHAT_MESSAGES), 1L);
            default -> {
            }
        }
        return c;
    }

    private static String channel(ActivityEvent a) {
        return a.details().channel() == null ? "unknown" : a.details().channel();
    }

    private static long earliest(long known, long candidate) {
        return known == 0 ? candidate : Math.min(known, candidate);
    }

    /** Counts 1 when {@code when}; the counter's id is made only then (most flags are off for most invitations). */
    private static void one(Map<CounterId, Long> c, boolean when, String scope, String scopeId, String metric) {
        if (when) {
            c.put(CounterId.of(scope, scopeId, metric), 1L);
        }
    }

    private static void one(Map<CounterId, Long> c, boolean when, String scope, String scopeId, String metric,
                            String dimension) {
        if (when) {
            c.put(CounterId.of(scope, scopeId, metric, dimension), 1L);
        }
    }
}
