package io.inviteflow.console.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import ru.yandex.clickhouse.ClickHouseDriver;

/**
 * A real ClickHouse database of its own for this test JVM (127.0.0.1:8123, from {@code ./inviteflow servers}),
 * with the streaming job's two tables created by the DDL of their contract. Dropped when the JVM ends.
 */
public final class ClickHouseTestDatabase {

    public static final String HTTP = "127.0.0.1:8123";
    private static String name;

    private ClickHouseTestDatabase() {
    }

    public static synchronized String name() {
        if (name == null) {
            String created = "console_it_" + UUID.randomUUID().toString().replace("-", "");
            execute("default", "CREATE DATABASE " + created);
            // the streaming job's DDL (ClickHouseTable.ENGAGEMENT_TOTALS), copied: the console does not depend on the job
            execute(created, """
                    CREATE TABLE engagement_totals (scope String, scope_id String, metric String, dimension String,
                      value Int64, version UInt64, updated_at DateTime)
                    ENGINE = ReplacingMergeTree(version) ORDER BY (scope, scope_id, metric, dimension)""");
            execute(created, """
                    CREATE TABLE activity_log (event_id String, type String, aggregate_type String,
                      aggregate_id String, party_event_id String, occurred_at DateTime, occurred_ms UInt16,
                      payload String)
                    ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at)
                    ORDER BY (party_event_id, event_id)""");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("default", "DROP DATABASE IF EXISTS " + created)));
            name = created;
        }
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:clickhouse://" + HTTP + "/" + database + "?compress=false";
    }

    /** Each call is its own INSERT, hence its own data part: FINAL has to collapse across parts. */
    public static void insertEngagement(UUID eventId, long invited, long opened, long yes, long no, long maybe,
                                        long headcount, long version, long updatedEpochSecond) {
        String[] metrics = {"invited", "opened", "yes", "no", "maybe", "headcount"};
        long[] values = {invited, opened, yes, no, maybe, headcount};
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < metrics.length; i++) {
            rows.append(i == 0 ? "" : ", ").append("('event', '%s', '%s', '', %d, %d, toDateTime(%d))"
                    .formatted(eventId, metrics[i], values[i], version, updatedEpochSecond));
        }
        execute(name(), "INSERT INTO engagement_totals VALUES " + rows);
    }

    public static void insertMinute(UUID eventId, long minuteEpochSecond, long opens, long answers, long version) {
        execute(name(), ("INSERT INTO engagement_totals VALUES ('event', '%1$s', 'opens_by_minute', '%2$d', %3$d, %5$d,"
                + " toDateTime(%2$d)), ('event', '%1$s', 'answers_by_minute', '%2$d', %4$d, %5$d, toDateTime(%2$d))")
                .formatted(eventId, minuteEpochSecond, opens, answers, version));
    }

    /**
     * An {@code OPENS_SPIKE} activity as the job archives it (occurred at the minute's end, payload as the contract
     * writes it), twice: a replay writes the same activity again.
     */
    public static void insertSpike(UUID eventId, Instant minuteStart, long opens, double usualPerMinute) {
        insertSpike(eventId, UUID.randomUUID(), minuteStart, opens, usualPerMinute);
    }

    /** The same, with the activity's id: a replay that judged the minute again writes the same id. */
    public static void insertSpike(UUID eventId, UUID id, Instant minuteStart, long opens, double usualPerMinute) {
        String row = "('%s', 'OPENS_SPIKE', 'party-event', '%s', '%s', toDateTime(%d), 0, '%s')".formatted(id, eventId,
                eventId, minuteStart.getEpochSecond() + 60, "{\"minuteStart\":\"%s\",\"opens\":%d,\"usualPerMinute\":%s}"
                        .formatted(minuteStart, opens, usualPerMinute));
        execute(name(), "INSERT INTO activity_log VALUES " + row);
        execute(name(), "INSERT INTO activity_log VALUES " + row);
    }

    /** One counter of an event, as the streaming job writes it. */
    public static void insertCounter(UUID eventId, String metric, String dimension, long value, long version) {
        insertCounter("event", eventId, metric, dimension, value, version);
    }

    /** One counter of any scope ({@code event}, {@code campaign}, {@code organizer}). */
    public static void insertCounter(String scope, UUID scopeId, String metric, String dimension, long value,
                                     long version) {
        execute(name(), "INSERT INTO engagement_totals VALUES ('%s', '%s', '%s', '%s', %d, %d, now())"
                .formatted(scope, scopeId, metric, dimension, value, version));
    }

    public static void execute(String database, String sql) {
        try {
            // STACK.md: use this driver class explicitly; DriverManager may pick the jar's other, failing driver.
            Properties credentials = new Properties();
            credentials.setProperty("user", "default");
            try (Connection c = new ClickHouseDriver().connect(jdbcUrl(database), credentials);
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse at " + HTTP + " failed (is it running? ./inviteflow servers): "
                    + sql, e);
        }
    }
}
