package io.inviteflow.console.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
            execute(created, """
                    CREATE TABLE event_engagement (event_id String, invited UInt64, opened UInt64, yes UInt64,
                      no UInt64, maybe UInt64, headcount UInt64, version UInt64, updated_at DateTime)
                    ENGINE = ReplacingMergeTree(version) ORDER BY event_id""");
            execute(created, """
                    CREATE TABLE engagement_minute (event_id String, minute DateTime, opens UInt64, answers UInt64,
                      version UInt64)
                    ENGINE = ReplacingMergeTree(version) ORDER BY (event_id, minute)""");
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
        execute(name(), "INSERT INTO event_engagement VALUES ('%s', %d, %d, %d, %d, %d, %d, %d, toDateTime(%d))"
                .formatted(eventId, invited, opened, yes, no, maybe, headcount, version, updatedEpochSecond));
    }

    public static void insertMinute(UUID eventId, long minuteEpochSecond, long opens, long answers, long version) {
        execute(name(), "INSERT INTO engagement_minute VALUES ('%s', toDateTime(%d), %d, %d, %d)"
                .formatted(eventId, minuteEpochSecond, opens, answers, version));
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
