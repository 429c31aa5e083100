package io.inviteflow.core.campaign;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Repeating campaigns: when an occurrence has been sent, the next one is scheduled as a campaign of its own (its
 * audience fixed when it goes, so new guests are in it). Times count from the series' first occurrence, in the
 * series' time zone — or on each guest's clock for a campaign in their own time — from the first occurrence's time as
 * scheduled (its send_at moves when an A/B test's winner goes out; the series does not). An occurrence whose time passed
 * while the one before was still going out (or paused) is skipped, not sent late in a burst; cancelling an occurrence
 * ends the series.
 */
@Component
class CampaignSeries {

    /** The earliest and the latest UTC offsets: when a wall-clock time comes first and last on Earth. */
    static final ZoneOffset FIRST_ZONE = ZoneOffset.ofHours(14);
    static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignSeries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One occurrence: when it goes out ({@code sendAt}; for a campaign in the guests' own time, when the first zone
     * reaches {@code localTime}).
     */
    record Occurrence(int number, Instant sendAt, LocalDateTime localTime) {
    }

    /** A campaign's place in its series, with the first occurrence's time that the others count from. */
    private record Place(int occurrence, Repeat repeat, Instant firstAt, LocalDateTime firstLocal) {

        Occurrence at(int number) {
            if (firstLocal != null) {
                LocalDateTime local = repeat.after(firstLocal, number - 1);
                return new Occurrence(number, local.toInstant(FIRST_ZONE), local);
            }
            ZoneId zone = ZoneId.of(repeat.timeZone());
            LocalDateTime wall = repeat.after(firstAt.atZone(zone).toLocalDateTime(), number - 1);
            return new Occurrence(number, wall.atZone(zone).toInstant(), null);
        }

        boolean covers(Occurrence o) {
            ZoneId zone = ZoneId.of(repeat.timeZone());
            return repeat.covers(o.localTime() != null ? o.localTime() : o.sendAt().atZone(zone).toLocalDateTime());
        }

        /** Passed everywhere: a campaign in the guests' own time is still due somewhere until UTC-12 reaches it. */
        boolean passed(Occurrence o, Instant now) {
            Instant last = o.localTime() != null ? o.localTime().toInstant(LAST_ZONE) : o.sendAt();
            return !last.isAfter(now);
        }
    }

    /**
     * After {@code campaignId} was sent (same transaction): the series' next occurrence still to come, as a new
     * scheduled campaign, unless the series ended. Made at most once per occurrence number, whatever the retries.
     */
    void scheduleNext(UUID campaignId) {
        Optional<Place> place = place(campaignId);
        if (place.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Occurrence next = place.get().at(place.get().occurrence() + 1);
        while (place.get().passed(next, now) && place.get().covers(next)) {
            next = place.get().at(next.number() + 1);
        }
        if (!place.get().covers(next)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO campaign (id, organizer_id, name, segment, subject, message, channels, per_minute,
                                              status, send_at, send_at_local, subject_b, message_b, test_percent,
                                              winner_by, decide_after, repeat_every, repeat_until, repeat_zone,
                                              series_id, occurrence)
                        SELECT :id, organizer_id, name, segment, subject, message, channels, per_minute,
                               'SCHEDULED', :sendAt, :local, subject_b, message_b, test_percent,
                               winner_by, decide_after, repeat_every, repeat_until, repeat_zone,
                               series_id, :occurrence
                        FROM campaign WHERE id = :previous
                          AND NOT EXISTS (SELECT 1 FROM organizer o WHERE o.id = campaign.organizer_id
                                          AND o.closed_at IS NOT NULL) -- a closed account's series ends
                        ON CONFLICT (series_id, occurrence) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("previous", campaignId)
                .param("sendAt", Timestamp.from(next.sendAt()))
                .param("local", next.localTime() == null ? null : Timestamp.valueOf(next.localTime()),
                        java.sql.Types.TIMESTAMP)
                .param("occurrence", next.number())
                .update();
    }

    /**
     * The occurrences after {@code campaignId}'s that are not campaigns yet, up to {@code before} (for the calendar:
     * what the series will send if nobody stops it; those whose time passed will be skipped, so they are not listed).
     */
    List<Occurrence> planned(UUID campaignId, Instant before) {
        List<Occurrence> planned = new ArrayList<>();
        Instant now = clock.instant();
        place(campaignId).ifPresent(place -> {
            for (Occurrence o = place.at(place.occurrence() + 1); place.covers(o) && o.sendAt().isBefore(before);
                 o = place.at(o.number() + 1)) {
                if (!place.passed(o, now)) {
                    planned.add(o);
                }
            }
        });
        return planned;
    }

    private Optional<Place> place(UUID campaignId) {
        return jdbc.sql("""
                        SELECT c.occurrence, c.repeat_every, c.repeat_until, c.repeat_zone,
                               coalesce(f.series_start, f.send_at) AS first_at,
                               f.send_at_local AS first_local
                        FROM campaign c JOIN campaign f ON f.id = c.series_id
                        WHERE c.id = :id AND c.repeat_every IS NOT NULL""")
                .param("id", campaignId)
                .query((rs, row) -> new Place(rs.getInt("occurrence"), new Repeat(rs.getString("repeat_every"),
                        rs.getObject("repeat_until", java.time.LocalDate.class), rs.getString("repeat_zone")),
                        rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("first_local") == null ? null
                        : rs.getTimestamp("first_local").toLocalDateTime()))
                .optional();
    }
}
