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
 * Per recipient, what became of a campaign's message: handed over (batch-jobs reports each chunk), shown (the mail's
 * tracking pixel), followed (the link). Only the first of each counts; only the campaign's own recipients are
 * tracked, so a guessed campaign id in a guest's link changes nothing.
 */
@Service
class CampaignTracking {

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;

    CampaignTracking(JdbcClient jdbc, ActivityOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** The sender handed these recipients' messages over (repeated after a restart: the first time stays). */
    int delivered(UUID campaignId, List<UUID> invitationIds) {
        if (invitationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE campaign_recipient SET sent_at = now() "
                        + "WHERE campaign_id = :campaign AND invitation_id IN (:ids) AND sent_at IS NULL")
                .param("campaign", campaignId).param("ids", invitationIds).update();
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
     * A campaign's results so far.
     *
     * @param audience     people it was fixed to go to (0 before it started going out)
     * @param sent         messages handed over
     * @param opened       recipients whose mail was shown or whose link was followed
     * @param clicked      recipients who followed the link
     * @param answered     recipients who answered their invitation after it reached them
     * @param unsubscribed recipients who opted out of marketing after it reached them
     */
    record Results(long audience, long sent, long opened, long clicked, long answered, long unsubscribed) {
    }

    Results results(UUID campaignId) {
        return jdbc.sql("""
                        SELECT count(*), count(r.sent_at), count(r.opened_at), count(r.clicked_at),
                               count(*) FILTER (WHERE i.answered_at > r.sent_at),
                               count(*) FILTER (WHERE o.at > r.sent_at)
                        FROM campaign_recipient r
                        JOIN invitation i ON i.id = r.invitation_id
                        LEFT JOIN marketing_opt_out o
                               ON o.email_normalized IN (r.person_key, 'invitation:' || r.invitation_id)
                        WHERE r.campaign_id = :campaign""")
                .param("campaign", campaignId)
                .query((rs, row) -> new Results(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
    }
}
