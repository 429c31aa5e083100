package io.inviteflow.console.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that reads the streaming job's ClickHouse tables. SQL runs on ClickHouse 18.16 and current
 * ClickHouse alike: {@code FINAL} collapses {@code ReplacingMergeTree(version)} rows to the latest version, and times
 * are read as epoch seconds ({@code toUnixTimestamp}) so neither the server's nor the JVM's time zone matters.
 *
 * <p>Event ids are stored as the lowercase canonical UUID string ({@link UUID#toString()}).
 */
@Component
public class EngagementStore {

    private final JdbcTemplate jdbc;
    private final String engagementTable;
    private final String minuteTable;

    EngagementStore(JdbcTemplate clickHouseJdbcTemplate, ClickHouseProperties properties) {
        this.jdbc = clickHouseJdbcTemplate;
        this.engagementTable = properties.database() + ".event_engagement";
        this.minuteTable = properties.database() + ".engagement_minute";
    }

    /** The latest figures of one event; {@link Engagement#NONE} when the streaming job has written none yet. */
    public Engagement current(UUID eventId) {
        List<Engagement> rows = jdbc.query(
                "SELECT invited, opened, `yes`, `no`, maybe, headcount, toUnixTimestamp(updated_at) AS updated_epoch"
                        + " FROM " + engagementTable + " FINAL WHERE event_id = ?",
                (rs, i) -> new Engagement(
                        rs.getLong("invited"), rs.getLong("opened"), rs.getLong("yes"), rs.getLong("no"),
                        rs.getLong("maybe"), rs.getLong("headcount"),
                        Instant.ofEpochSecond(rs.getLong("updated_epoch"))),
                eventId.toString());
        return rows.isEmpty() ? Engagement.NONE : rows.get(0);
    }

    /** The last {@code limit} minutes that had activity, oldest first. */
    public List<MinuteActivity> recentMinutes(UUID eventId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<MinuteActivity> newestFirst = jdbc.query(
                "SELECT toUnixTimestamp(minute) AS minute_epoch, opens, answers"
                        + " FROM " + minuteTable + " FINAL WHERE event_id = ?"
                        + " ORDER BY minute DESC LIMIT " + limit,
                (rs, i) -> new MinuteActivity(
                        Instant.ofEpochSecond(rs.getLong("minute_epoch")), rs.getLong("opens"), rs.getLong("answers")),
                eventId.toString());
        List<MinuteActivity> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
