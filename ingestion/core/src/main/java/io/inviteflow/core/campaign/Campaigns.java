package io.inviteflow.core.campaign;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An organizer's campaigns: drafted, scheduled for a time, sent once by batch-jobs, or cancelled before they go. The
 * audience is counted live from the segment while it is being built.
 */
@Service
class Campaigns {

    private static final Set<String> CHANNELS = Set.of("EMAIL", "PUSH", "SMS");

    private final JdbcClient jdbc;
    private final Events events;
    private final CampaignAudience audience;
    private final Segments segments;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Events events, CampaignAudience audience, Segments segments, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audience = audience;
        this.segments = segments;
        this.clock = clock;
    }

    /**
     * What an organizer writes: merge fields {firstName}, {name}, {eventTitle}, {link} in subject and message.
     *
     * @param abTest null: everybody gets the one version
     */
    record Draft(String name, Segment segment, String subject, String message, List<String> channels,
                 Integer perMinute, AbTest abTest) {
    }

    Campaign create(UUID organizerId, Draft draft) {
        Segment segment = owned(organizerId, draft.segment());
        Set<String> channels = channels(draft.channels());
        require(draft.name(), "name", 200);
        require(draft.subject(), "subject", 200);
        require(draft.message(), "message", 5000);
        if (draft.perMinute() != null && (draft.perMinute() < 1 || draft.perMinute() > 100_000)) {
            throw Problems.unprocessable("perMinute", "between 1 and 100000 people a minute, or none for no limit");
        }
        AbTest test = draft.abTest() == null ? null : draft.abTest().checked();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO campaign (id, organizer_id, name, segment, subject, message, channels, per_minute,
                                              status, subject_b, message_b, test_percent, winner_by, decide_after)
                        VALUES (:id, :organizer, :name, CAST(:segment AS jsonb), :subject, :message,
                                string_to_array(:channels, ','), :perMinute, 'DRAFT', :subjectB, :messageB,
                                :testPercent, :winnerBy, CAST(:decideAfter AS interval))""")
                .param("id", id).param("organizer", organizerId).param("name", draft.name().strip())
                .param("segment", segments.write(segment)).param("subject", draft.subject().strip())
                .param("message", draft.message().strip()).param("channels", String.join(",", channels))
                .param("perMinute", draft.perMinute(), java.sql.Types.INTEGER)
                .param("subjectB", test == null ? null : test.subjectB(), java.sql.Types.VARCHAR)
                .param("messageB", test == null ? null : test.messageB(), java.sql.Types.VARCHAR)
                .param("testPercent", test == null ? null : test.testPercent(), java.sql.Types.INTEGER)
                .param("winnerBy", test == null ? null : test.winnerBy(), java.sql.Types.VARCHAR)
                .param("decideAfter", test == null ? null : test.decideAfter(), java.sql.Types.VARCHAR)
                .update();
        return find(organizerId, id).orElseThrow();
    }

    long count(UUID organizerId, Segment segment, List<String> channels) {
        return audience.count(organizerId, owned(organizerId, segment), channels(channels));
    }

    List<Campaign> list(UUID organizerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE organizer_id = :organizer ORDER BY created_at DESC")
                .param("organizer", organizerId).query(this::campaign).list();
    }

    Optional<Campaign> find(UUID organizerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id AND organizer_id = :organizer")
                .param("id", id).param("organizer", organizerId).query(this::campaign).optional();
    }

    /**
     * To go at {@code sendAt} (now when both are null), or at {@code localTime} on each recipient's own clock; only a
     * draft or a scheduled campaign may be (re)scheduled. With {@code repeat} it starts a series (this is its first
     * occurrence); without, it keeps its place in the series it is in, if any (cancelling an occurrence ends it).
     */
    @Transactional
    Campaign schedule(UUID organizerId, UUID id, Instant sendAt, java.time.LocalDateTime localTime, Repeat repeat) {
        Instant at = localTime != null ? localTime.toInstant(CampaignSeries.FIRST_ZONE)
                : sendAt == null ? clock.instant() : sendAt;
        Repeat checked = repeat == null ? null
                : repeat.checked(java.time.LocalDate.now(clock.withZone(CampaignSeries.LAST_ZONE)));
        if (localTime != null) {
            if (localTime.toInstant(CampaignSeries.LAST_ZONE).isBefore(clock.instant().minusSeconds(60))) {
                throw Problems.unprocessable("localTime", "a time still to come somewhere on Earth");
            }
            if (find(organizerId, id).map(c -> c.abTest() != null).orElse(false)) {
                throw Problems.unprocessable("localTime", "an A/B test goes to everybody at one time: use sendAt");
            }
        } else if (at.isBefore(clock.instant().minusSeconds(60))) {
            throw Problems.unprocessable("sendAt", "now or later");
        }
        // a scheduled campaign whose time has come may be going out right now: it can be paused, not moved
        move(organizerId, id, "(status = 'DRAFT' OR status = 'SCHEDULED' AND send_at > now())", "SCHEDULED", at);
        jdbc.sql("UPDATE campaign SET send_at_local = :local WHERE id = :id").param("id", id)
                .param("local", localTime == null ? null : java.sql.Timestamp.valueOf(localTime),
                        java.sql.Types.TIMESTAMP)
                .update();
        if (checked != null) {
            // the first occurrence of a new series (also when a later occurrence is given a repeat of its own)
            jdbc.sql("""
                            UPDATE campaign SET repeat_every = :every, repeat_until = :until, repeat_zone = :zone,
                                series_id = id, occurrence = 1, series_start = :at
                            WHERE id = :id""")
                    .param("id", id).param("every", checked.every()).param("until", checked.until())
                    .param("at", Timestamp.from(at)).param("zone", checked.timeZone())
                    .update();
        } else {
            // moved without a repeat: it keeps its place in its series; the first occurrence moves the series' start
            jdbc.sql("UPDATE campaign SET series_start = :at WHERE id = :id AND series_id = id")
                    .param("id", id).param("at", Timestamp.from(at)).update();
        }
        return find(organizerId, id).orElseThrow();
    }

    /**
     * Before it went (or while paused, or while its A/B test waits for a winner: the rest never get it): back to
     * nothing. A campaign being sent stops after the chunk in hand.
     */
    @Transactional
    Campaign cancel(UUID organizerId, UUID id) {
        move(organizerId, id, "status IN ('DRAFT', 'SCHEDULED', 'TESTING', 'PAUSED')", "CANCELLED", null);
        return find(organizerId, id).orElseThrow();
    }

    /** Holds a scheduled campaign (also one being sent: it stops after the chunk in hand). */
    @Transactional
    Campaign pause(UUID organizerId, UUID id) {
        move(organizerId, id, "status = 'SCHEDULED'", "PAUSED", null);
        return find(organizerId, id).orElseThrow();
    }

    /** Goes on: a new sending round, which skips everybody the campaign already reached. */
    @Transactional
    Campaign resume(UUID organizerId, UUID id) {
        move(organizerId, id, "status = 'PAUSED'", "SCHEDULED", null);
        jdbc.sql("UPDATE campaign SET round = round + 1 WHERE id = :id").param("id", id).update();
        return find(organizerId, id).orElseThrow();
    }

    private void move(UUID organizerId, UUID id, String allowed, String status, Instant sendAt) {
        Campaign campaign = find(organizerId, id).orElseThrow(() -> Problems.notFound("campaign", id));
        int moved = jdbc.sql("UPDATE campaign SET status = :status, send_at = coalesce(:at, send_at) "
                        + "WHERE id = :id AND " + allowed)
                .param("status", status).param("id", id)
                .param("at", sendAt == null ? null : Timestamp.from(sendAt), java.sql.Types.TIMESTAMP).update();
        if (moved == 0) {
            throw Problems.conflict("the campaign is " + campaign.status().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The segment's events must all be the organizer's: 404 for any other (no probing of others' events). */
    private Segment owned(UUID organizerId, Segment segment) {
        if (segment == null) {
            throw Problems.unprocessable("segment", "which of your events' guests: {eventIds, answers, …}");
        }
        segment.checked().eventIds().forEach(eventId -> events.requireOwned(eventId, organizerId));
        if (!segment.tierIds().isEmpty()) {
            List<UUID> ofTheseEvents = jdbc.sql("SELECT id FROM ticket_tier WHERE id IN (:tiers) AND event_id IN (:events)")
                    .param("tiers", segment.tierIds()).param("events", segment.eventIds()).query(UUID.class).list();
            for (int i = 0; i < segment.tierIds().size(); i++) {
                if (!ofTheseEvents.contains(segment.tierIds().get(i))) {
                    throw Problems.unprocessable("segment.tierIds[" + i + "]", "a ticket tier of the chosen events");
                }
            }
        }
        return segment;
    }

    private static Set<String> channels(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw Problems.unprocessable("channels", "one or more of EMAIL, PUSH, SMS");
        }
        Set<String> channels = new LinkedHashSet<>();
        for (String channel : requested) {
            String upper = String.valueOf(channel).toUpperCase(Locale.ROOT);
            if (!CHANNELS.contains(upper)) {
                throw Problems.unprocessable("channels", "EMAIL, PUSH or SMS, not " + channel);
            }
            channels.add(upper);
        }
        return channels;
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw Problems.unprocessable(field, "1 to " + max + " characters");
        }
    }


    /** Every column, and the test's wait as seconds (an interval's text depends on the session's style). */
    private static final String COLUMNS = "*, extract(epoch FROM decide_after)::bigint AS decide_after_seconds";

    private Campaign campaign(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Set<String> channels = new LinkedHashSet<>(List.of((String[]) rs.getArray("channels").getArray()));
        AbTest test = rs.getString("subject_b") == null ? null : new AbTest(rs.getString("subject_b"),
                rs.getString("message_b"), rs.getInt("test_percent"), rs.getString("winner_by"),
                java.time.Duration.ofSeconds(rs.getLong("decide_after_seconds")).toString());
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"),
                segments.read(rs.getString("segment")), rs.getString("subject"), rs.getString("message"), channels,
                (Integer) rs.getObject("per_minute"), Campaign.Status.valueOf(rs.getString("status")),
                instant(rs, "send_at"), instant(rs, "sent_at"), instant(rs, "created_at"), test,
                rs.getString("winner"), instant(rs, "decide_at"), rs.getTimestamp("send_at_local") == null ? null
                : rs.getTimestamp("send_at_local").toLocalDateTime(), rs.getString("repeat_every") == null ? null
                : new Repeat(rs.getString("repeat_every"), rs.getObject("repeat_until", java.time.LocalDate.class),
                rs.getString("repeat_zone")), rs.getObject("series_id", UUID.class), rs.getInt("occurrence"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
