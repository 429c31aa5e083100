package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What batch-jobs needs to send campaigns: which are due, their recipients page by page, and marking them sent. */
@Service
class CampaignSends {

    private final JdbcClient jdbc;
    private final CampaignAudience audience;
    private final Segments segments;
    private final CampaignSeries series;
    private final ActivityOutbox outbox;

    CampaignSends(JdbcClient jdbc, CampaignAudience audience, Segments segments, CampaignSeries series,
                  ActivityOutbox outbox) {
        this.series = series;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.audience = audience;
        this.segments = segments;
    }

    /**
     * A campaign as its sender needs it.
     *
     * @param round    how often it was resumed (or its A/B test decided): with the id, the identity of one sending run
     * @param subjectB version B of an A/B test (for recipients of variant B), else null
     * @param wave     for a campaign in its recipients' own time: the quarter hour since the first time zone reached
     *                 its time, a run of its own (each sends to whoever's time has come); else 0
     */
    record Due(UUID id, String subject, String message, Set<String> channels, Instant sendAt, int round,
               Integer perMinute, String subjectB, String messageB, int wave) {
    }

    /**
     * The end of a wave of a campaign in its recipients' own time: it sends to those whose clock reached its time by
     * then, and only once nobody's time is later is the campaign sent — one cutoff for both, so a zone reaching it
     * while the run pages cannot be counted as done without being sent.
     */
    private static final String CUTOFF = "send_at + make_interval(mins => 15 * CAST(:wave AS int))";

    private static final String DUE = "SELECT id, subject, message, channels, send_at, round, per_minute, subject_b, "
            + "message_b, CASE WHEN send_at_local IS NULL THEN 0 "
            + "ELSE floor(extract(epoch FROM (CAST(:at AS timestamptz) - send_at)) / 900)::int END FROM campaign ";

    List<Due> due(Instant at) {
        return jdbc.sql(DUE + "WHERE status = 'SCHEDULED' AND send_at <= :at ORDER BY send_at")
                .param("at", Timestamp.from(at)).query(CampaignSends::due).list();
    }

    /** The campaign's text (the sender reads it rather than carrying it in its job's parameters). */
    Optional<Due> one(UUID id) {
        return jdbc.sql(DUE + "WHERE id = :id").param("id", id).param("at", Timestamp.from(java.time.Instant.now()))
                .query(CampaignSends::due).optional();
    }

    private static Due due(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp sendAt = rs.getTimestamp(5);
        return new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Set.of((String[]) rs.getArray(4).getArray()), sendAt == null ? null : sendAt.toInstant(),
                rs.getInt(6), (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getInt(10));
    }

    /**
     * The next recipients while the campaign is still scheduled; none once it was paused, cancelled or sent. Its
     * audience is fixed the first time it is asked for.
     */
    @Transactional
    List<CampaignRecipient> recipients(UUID campaignId, UUID after, int limit, int wave) {
        record Row(UUID organizer, String segment, String[] channels, boolean frozen, Integer testPercent,
                   Timestamp localTime, Timestamp cutoff) {
        }
        Optional<Row> campaign = jdbc.sql("SELECT organizer_id, segment, channels, frozen_at IS NOT NULL, test_percent, "
                        + "send_at_local, " + CUTOFF + " FROM campaign WHERE id = :id AND status = 'SCHEDULED' "
                        + "FOR UPDATE")
                .param("id", campaignId).param("wave", wave)
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        (String[]) rs.getArray(3).getArray(), rs.getBoolean(4), (Integer) rs.getObject(5),
                        rs.getTimestamp(6), rs.getTimestamp(7)))
                .optional();
        if (campaign.isEmpty()) {
            return List.of();
        }
        if (!campaign.get().frozen()) {
            Segment segment = segments.read(campaign.get().segment());
            audience.freeze(campaignId, campaign.get().organizer(), segment, Set.of(campaign.get().channels()),
                    campaign.get().testPercent());
            jdbc.sql("UPDATE campaign SET frozen_at = now() WHERE id = :id").param("id", campaignId).update();
            queued(campaignId, segment, campaign.get().channels());
        }
        return audience.page(campaignId, after, limit, campaign.get().localTime(), campaign.get().cutoff());
    }

    /**
     * The campaign's {@link ActivityType#MESSAGE_QUEUED}: whom it is queued for, per version, once (its audience is
     * fixed once). Keyed by the segment's first event, as every activity needs an event for its Kafka key.
     */
    private void queued(UUID campaignId, Segment segment, String[] channels) {
        Payloads.MessagesQueued queued = jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE variant = 'A'), count(*) FILTER (WHERE variant = 'B'),
                               count(*) FILTER (WHERE variant IS NULL)
                        FROM campaign_recipient WHERE campaign_id = :id""")
                .param("id", campaignId)
                .query((rs, n) -> new Payloads.MessagesQueued(campaignId, java.util.Arrays.stream(channels)
                        .map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList(), rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4)))
                .single();
        outbox.record(new ActivityOutbox.Entry(ActivityType.MESSAGE_QUEUED, "campaign", campaignId,
                segment.eventIds().get(0), queued));
    }

    /**
     * True when this call marked it (a repeated call after a crash finds it sent already). Only the round that ran:
     * a campaign paused and resumed meanwhile is a new round, still to be sent. An A/B test whose winner is not
     * picked yet is not sent but testing: its winner is picked {@code decide_after} from now. A campaign in its
     * recipients' own time is sent once no recipient's time is later than this wave's cutoff.
     */
    @Transactional
    boolean sent(UUID campaignId, int round, int wave) {
        int testing = jdbc.sql("UPDATE campaign SET status = 'TESTING', decide_at = now() + decide_after "
                        + "WHERE id = :id AND status = 'SCHEDULED' AND round = :round AND subject_b IS NOT NULL "
                        + "AND winner IS NULL")
                .param("id", campaignId).param("round", round).update();
        if (testing == 1) {
            return true;
        }
        boolean sent = jdbc.sql("""
                        UPDATE campaign c SET status = 'SENT', sent_at = now()
                        WHERE id = :id AND status = 'SCHEDULED' AND round = :round
                          AND (send_at_local IS NULL OR NOT EXISTS (
                                SELECT 1 FROM campaign_recipient r
                                JOIN invitation i ON i.id = r.invitation_id
                                JOIN party_event e ON e.id = i.party_event_id
                                WHERE r.campaign_id = c.id AND %s > %s))""".formatted(
                        CampaignAudience.localInstant("c.send_at_local"), CUTOFF))
                .param("id", campaignId).param("round", round).param("wave", wave).update() == 1;
        if (sent) {
            series.scheduleNext(campaignId);
        }
        return sent;
    }

}
