package io.inviteflow.console.engagement;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the streaming job's ClickHouse tables (the counters of {@code engagement_totals}, the spike
 * alerts archived in {@code activity_log}). SQL runs on ClickHouse 18.16 and current
 * ClickHouse alike: {@code FINAL} collapses {@code ReplacingMergeTree(version)} rows to the latest version, and times
 * are read as epoch seconds ({@code toUnixTimestamp}) so neither the server's nor the JVM's time zone matters.
 *
 * <p>Event ids are stored as the lowercase canonical UUID string ({@link UUID#toString()}).
 */
@Component
public class EngagementStore {

    /** The event figures of {@link Engagement}, as metrics of {@code engagement_totals}. */
    private static final List<String> FIGURES = List.of("invited", "opened", "yes", "no", "maybe", "headcount");

    private final JdbcTemplate jdbc;
    private final String totalsTable;
    private final String activityTable;

    EngagementStore(JdbcTemplate clickHouseJdbcTemplate, ClickHouseProperties properties) {
        this.jdbc = clickHouseJdbcTemplate;
        this.totalsTable = properties.database() + ".engagement_totals";
        this.activityTable = properties.database() + ".activity_log";
    }

    /** The latest figures of one event; {@link Engagement#NONE} when the streaming job has written none yet. */
    public Engagement current(UUID eventId) {
        Map<String, Long> figures = new HashMap<>();
        long[] newest = {0};
        jdbc.query("SELECT metric, value, toUnixTimestamp(updated_at) AS updated_epoch FROM " + totalsTable + " FINAL"
                        + " WHERE scope = 'event' AND scope_id = ? AND dimension = ''"
                        + " AND metric IN ('invited', 'opened', 'yes', 'no', 'maybe', 'headcount')",
                (ResultSet rs) -> {
                    figures.put(rs.getString("metric"), rs.getLong("value"));
                    newest[0] = Math.max(newest[0], rs.getLong("updated_epoch"));
                }, eventId.toString());
        if (figures.isEmpty()) {
            return Engagement.NONE;
        }
        long[] v = FIGURES.stream().mapToLong(f -> figures.getOrDefault(f, 0L)).toArray();
        return new Engagement(v[0], v[1], v[2], v[3], v[4], v[5], Instant.ofEpochSecond(newest[0]));
    }

    /** Every counter of one event except the per-minute series (those are {@link #recentMinutes}). */
    public EventMetrics metrics(UUID eventId) {
        return new EventMetrics(jdbc.query("SELECT metric, dimension, value FROM " + totalsTable + " FINAL"
                        + " WHERE scope = 'event' AND scope_id = ?"
                        + " AND metric NOT IN ('opens_by_minute', 'answers_by_minute') ORDER BY metric, dimension",
                (rs, i) -> new Counter(rs.getString("metric"), rs.getString("dimension"), rs.getLong("value")),
                eventId.toString()));
    }

    /** The organizer-wide counters (per theme, per hour of the week) of one organizer. */
    public EventMetrics organizerMetrics(UUID organizerId) {
        return new EventMetrics(jdbc.query("SELECT metric, dimension, value FROM " + totalsTable + " FINAL"
                        + " WHERE scope = 'organizer' AND scope_id = ? ORDER BY metric, dimension",
                (rs, i) -> new Counter(rs.getString("metric"), rs.getString("dimension"), rs.getLong("value")),
                organizerId.toString()));
    }

    /** The funnel figures of many events in one query, for comparing them; events without figures are missing. */
    public Map<UUID, EventMetrics> funnels(List<UUID> eventIds) {
        return funnels("event", eventIds);
    }

    /** The funnels of many campaigns (queued people, delivered, opened, answered); those without figures missing. */
    public Map<UUID, EventMetrics> campaignFunnels(List<UUID> campaignIds) {
        return funnels("campaign", campaignIds);
    }

    private Map<UUID, EventMetrics> funnels(String scope, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Counter>> byId = new HashMap<>();
        jdbc.query("SELECT scope_id, metric, value FROM " + totalsTable + " FINAL WHERE scope = ?"
                        + " AND scope_id IN (" + String.join(",", ids.stream().map(id -> "?").toList()) + ")"
                        + " AND dimension = ''"
                        + " AND metric IN ('invited', 'queued', 'delivered', 'opened', 'answered', 'yes')",
                (ResultSet rs) -> {
                    byId.computeIfAbsent(UUID.fromString(rs.getString("scope_id")), k -> new ArrayList<>())
                            .add(new Counter(rs.getString("metric"), "", rs.getLong("value")));
                }, java.util.stream.Stream.concat(java.util.stream.Stream.of(scope),
                        ids.stream().map(UUID::toString)).toArray());
        Map<UUID, EventMetrics> out = new HashMap<>();
        byId.forEach((id, counters) -> out.put(id, new EventMetrics(counters)));
        return out;
    }

    /**
     * The event's {@code limit} latest opens spikes, newest first. A spike's activity id is derived from its event and
     * minute, and a replay writes it again, possibly judged with other counts (the archive keeps both until a merge):
     * one row per id, the higher count. Its {@code occurredAt} is the minute's end. The table's key starts with the
     * event, so this reads only the event's rows.
     */
    public List<OpensSpike> spikes(UUID eventId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return jdbc.query("SELECT event_id, toUnixTimestamp(occurred_at) - 60 AS minute_epoch,"
                        + " visitParamExtractUInt(payload, 'opens') AS opens,"
                        + " visitParamExtractFloat(payload, 'usualPerMinute') AS usual"
                        + " FROM " + activityTable + " WHERE party_event_id = ? AND type = 'OPENS_SPIKE'"
                        + " ORDER BY minute_epoch DESC, opens DESC LIMIT 1 BY event_id LIMIT " + limit,
                (rs, i) -> new OpensSpike(Instant.ofEpochSecond(rs.getLong("minute_epoch")), rs.getLong("opens"),
                        rs.getDouble("usual")),
                eventId.toString());
    }

    /** The last {@code limit} minutes that had activity, oldest first. */
    public List<MinuteActivity> recentMinutes(UUID eventId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // a minute's dimension is its start in epoch seconds, ten digits: text order is time order
        List<MinuteActivity> newestFirst = jdbc.query(
                "SELECT toUInt32(dimension) AS minute_epoch, sumIf(value, metric = 'opens_by_minute') AS opens,"
                        + " sumIf(value, metric = 'answers_by_minute') AS answers"
                        + " FROM (SELECT metric, dimension, value FROM " + totalsTable + " FINAL"
                        + " WHERE scope = 'event' AND scope_id = ?"
                        + " AND metric IN ('opens_by_minute', 'answers_by_minute'))"
                        + " GROUP BY dimension ORDER BY dimension DESC LIMIT " + limit,
                (rs, i) -> new MinuteActivity(
                        Instant.ofEpochSecond(rs.getLong("minute_epoch")), rs.getLong("opens"), rs.getLong("answers")),
                eventId.toString());
        List<MinuteActivity> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
