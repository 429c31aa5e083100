package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Per recipient, what became of a campaign's message: handed over (batch-jobs reports each chunk, so the time is that
 * of the report, seconds after the mail), shown (the mail's tracking pixel), followed (the link). Only the first of
 * each counts; only the campaign's own recipients are tracked, so a guessed campaign id in a guest's link changes
 * nothing, and opens and clicks count only for people it reached.
 */
@Service
class CampaignTracking implements io.inviteflow.core.invitation.CampaignRecipients {

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;

    CampaignTracking(JdbcClient jdbc, ActivityOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public boolean includes(UUID campaignId, UUID invitationId) {
        return jdbc.sql("SELECT count(*) FROM campaign_recipient WHERE campaign_id = :campaign "
                        + "AND invitation_id = :invitation")
                .param("campaign", campaignId).param("invitation", invitationId).query(Long.class).single() > 0;
    }

    /**
     * The sender handed these recipients' messages over (repeated after a restart: the first time stays). Committed
     * without waiting for the disk (one flush per chunk of a campaign added up): a mark lost to a database crash
     * (the last fraction of a second of them) leaves the results counting those few people as not reached.
     */
    @Transactional
    int delivered(UUID campaignId, List<UUID> invitationIds) {
        if (invitationIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("SELECT set_config('synchronous_commit', 'off', true)").query().listOfRows();
        return jdbc.sql("UPDATE campaign_recipient SET sent_at = now() "
                        + "WHERE campaign_id = :campaign AND invitation_id = ANY(:ids) AND sent_at IS NULL")
                // an array, not an IN list: the prepared statement's generic plan kept an IN list out of the index
                .param("campaign", campaignId).param("ids", invitationIds.toArray(UUID[]::new)).update();
    }

    /** The mail was shown; the first time, a {@link ActivityType#MESSAGE_OPENED} goes out. */
    @Transactional
    void opened(GuestAccess.Guest guest, UUID campaignId) {
        int first = jdbc.sql("UPDATE campaign_recipient SET opened_at = now() "
                        + "WHERE campaign_id = :campaign AND invitation_id = :invitation AND opened_at IS NULL")
                .param("campaign", campaignId).param("invitation", guest.invitationId()).update();
        if (first == 1) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.MESSAGE_OPENED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.MessageOpened("campaign", campaignId, "email")));
        }
    }

    /**
     * The link was followed, which also means the message was read (mail clients that block images never fire the
     * pixel). True when the guest is one of the campaign's recipients.
     */
    boolean clicked(GuestAccess.Guest guest, UUID campaignId) {
        return jdbc.sql("""
                        UPDATE campaign_recipient
                        SET clicked_at = coalesce(clicked_at, now()), opened_at = coalesce(opened_at, now())
                        WHERE campaign_id = :campaign AND invitation_id = :invitation""")
                .param("campaign", campaignId).param("invitation", guest.invitationId()).update() == 1;
    }

    /**
     * A campaign's results so far: people, not messages.
     *
     * @param audience     people it was fixed to go to (0 before it started going out)
     * @param sent         people whose message was handed over
     * @param opened       of those, people whose mail was shown or whose link was followed
     * @param clicked      of those, people who followed the link
     * @param answered     of those, people who answered their invitation after it reached them
     * @param unsubscribed of those, people who opted out of marketing after it reached them
     * @param bounced      of those, people whose mail server refused it for good (the relay's report; not counted as
     *                     unsubscribed, though marketing stops for them too)
     * @param variants     the same per version of an A/B test ({@code A}, {@code B}); empty without one
     */
    record Results(long audience, long sent, long opened, long clicked, long answered, long unsubscribed,
                   long bounced, List<Variant> variants) {
    }

    /** One version's share of the results; the rates are of {@code sent} (0 while nothing was sent). */
    record Variant(String variant, long audience, long sent, long opened, long clicked, long answered,
                   long unsubscribed, long bounced) {

        double rate(String winnerBy) {
            long of = switch (winnerBy) {
                case "OPENED" -> opened;
                case "CLICKED" -> clicked;
                case "ANSWERED" -> answered;
                default -> throw new IllegalArgumentException(winnerBy);
            };
            return sent == 0 ? 0 : (double) of / sent;
        }
    }

    Results results(UUID campaignId, boolean abTest) {
        record Group(boolean inTest, Variant counts) {
        }
        List<Group> groups = jdbc.sql("""
                        SELECT r.variant, r.in_test, count(*), count(r.sent_at),
                               count(r.opened_at) FILTER (WHERE r.sent_at IS NOT NULL),
                               count(r.clicked_at) FILTER (WHERE r.sent_at IS NOT NULL),
                               count(*) FILTER (WHERE i.answered_at > r.sent_at),
                               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM marketing_opt_out o
                                   WHERE o.email_normalized IN (r.person_key, 'invitation:' || r.invitation_id)
                                     AND o.at > r.sent_at AND o.via <> 'hard-bounce')),
                               count(r.bounced_at)
                        FROM campaign_recipient r
                        JOIN invitation i ON i.id = r.invitation_id
                        WHERE r.campaign_id = :campaign
                        GROUP BY r.variant, r.in_test""")
                .param("campaign", campaignId)
                .query((rs, row) -> new Group(rs.getBoolean(2), new Variant(rs.getString(1), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))))
                .list();
        List<Variant> all = groups.stream().map(Group::counts).toList();
        // an A/B test's versions are compared on its test share only (the winner's later audience is not a version)
        List<Variant> versions = !abTest ? List.of() : java.util.stream.Stream.of("A", "B")
                .map(v -> sum(v, groups.stream().filter(g -> g.inTest() && v.equals(g.counts().variant()))
                        .map(Group::counts).toList()))
                .toList();
        Variant total = sum(null, all);
        return new Results(total.audience(), total.sent(), total.opened(), total.clicked(), total.answered(),
                total.unsubscribed(), total.bounced(), versions);
    }

    private static Variant sum(String variant, List<Variant> parts) {
        return new Variant(variant, sum(parts, Variant::audience), sum(parts, Variant::sent),
                sum(parts, Variant::opened), sum(parts, Variant::clicked), sum(parts, Variant::answered),
                sum(parts, Variant::unsubscribed), sum(parts, Variant::bounced));
    }

    /** The better version of an A/B test by {@code winnerBy} among the people each reached; a tie goes to A. */
    String leader(UUID campaignId, String winnerBy) {
        List<Variant> versions = results(campaignId, true).variants();
        return versions.get(1).rate(winnerBy) > versions.get(0).rate(winnerBy) ? "B" : "A";
    }

    private static long sum(List<Variant> variants, java.util.function.ToLongFunction<Variant> field) {
        return variants.stream().mapToLong(field).sum();
    }
}
