package io.inviteflow.loadgen;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.List;

/**
 * How long the console's dashboards take to read their figures from ClickHouse once the archive is large: the queries
 * of one dashboard poll ({@code EngagementStore}: an event's figures, its last 120 minutes, all its counters, its
 * latest opens spikes from the archive) and of
 * the Insights page (the funnels of 50 events, an organizer's counters), timed over HTTP as the console sends them.
 * The SQL is the console's, copied here because the benchmark must not start the console's Spring context.
 */
final class DashboardLoad {

    /** Rows generated inside ClickHouse on top of the job's archive. */
    static final long GENERATED_ARCHIVE_ROWS = 10_000_000;

    record Result(long archivedRows, long counterRows, Histogram pollMillis, Histogram insightsMillis) {
    }

    private final ClickHouseQueries clickHouse;
    private final String totals;
    private final String archive;

    DashboardLoad(ClickHouseQueries clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.totals = database + ".engagement_totals";
        this.archive = database + ".activity_log";
    }

    Result measure() throws IOException, InterruptedException {
        // 10 million archived activities over the last 30 days of 2,000 events, made by ClickHouse itself
        clickHouse.run("INSERT INTO " + archive + " SELECT toString(generateUUIDv4()), arrayElement(["
                + "'INVITATION_CREATED', 'INVITATION_OPENED', 'RSVP_ANSWERED'], number % 3 + 1), 'invitation', "
                + "toString(intDiv(number, 3)), concat('generated-', toString(number % 2000)), "
                + "toDateTime(now() - 2592000 + number % 2592000), number % 1000, '{}' FROM system.numbers LIMIT "
                + GENERATED_ARCHIVE_ROWS);
        long archived = clickHouse.number("SELECT count() FROM " + archive);
        long counters = clickHouse.number("SELECT count() FROM " + totals);
        List<String> events = List.of(clickHouse.run("SELECT scope_id FROM " + totals + " WHERE scope = 'event' AND "
                + "metric = 'invited' GROUP BY scope_id ORDER BY max(value) DESC LIMIT 50").split("\n"));
        String organizer = clickHouse.run("SELECT scope_id FROM " + totals + " WHERE scope = 'organizer' LIMIT 1");
        Histogram poll = new Histogram(60_000, 3);
        Histogram insights = new Histogram(60_000, 3);
        for (int round = 0; round < 5; round++) {
            for (String event : events.subList(0, 20)) {
                long start = System.nanoTime();
                clickHouse.run(figures(event));
                clickHouse.run(recentMinutes(event));
                clickHouse.run(allCounters(event));
                clickHouse.run(spikes(event));
                poll.recordValue((System.nanoTime() - start) / 1_000_000);
            }
            long start = System.nanoTime();
            clickHouse.run(funnels(events));
            clickHouse.run("SELECT metric, dimension, value FROM " + totals + " FINAL WHERE scope = 'organizer' AND "
                    + "scope_id = '" + organizer + "' ORDER BY metric, dimension");
            insights.recordValue((System.nanoTime() - start) / 1_000_000);
        }
        return new Result(archived, counters, poll, insights);
    }

    private String figures(String event) {
        return "SELECT metric, value, toUnixTimestamp(updated_at) AS updated_epoch FROM " + totals + " FINAL"
                + " WHERE scope = 'event' AND scope_id = '" + event + "' AND dimension = ''"
                + " AND metric IN ('invited', 'opened', 'yes', 'no', 'maybe', 'headcount')";
    }

    private String recentMinutes(String event) {
        return "SELECT toUInt32(dimension) AS minute_epoch, sumIf(value, metric = 'opens_by_minute') AS opens,"
                + " sumIf(value, metric = 'answers_by_minute') AS answers"
                + " FROM (SELECT metric, dimension, value FROM " + totals + " FINAL"
                + " WHERE scope = 'event' AND scope_id = '" + event + "'"
                + " AND metric IN ('opens_by_minute', 'answers_by_minute'))"
                + " GROUP BY dimension ORDER BY dimension DESC LIMIT 120";
    }

    private String allCounters(String event) {
        return "SELECT metric, dimension, value FROM " + totals + " FINAL WHERE scope = 'event' AND scope_id = '"
                + event + "' AND metric NOT IN ('opens_by_minute', 'answers_by_minute') ORDER BY metric, dimension";
    }

    private String spikes(String event) {
        return "SELECT event_id, toUnixTimestamp(occurred_at) - 60 AS minute_epoch,"
                + " visitParamExtractUInt(payload, 'opens') AS opens,"
                + " visitParamExtractFloat(payload, 'usualPerMinute') AS usual"
                + " FROM " + archive + " WHERE party_event_id = '" + event + "' AND type = 'OPENS_SPIKE'"
                + " ORDER BY minute_epoch DESC, opens DESC LIMIT 1 BY event_id LIMIT 3";
    }

    private String funnels(List<String> events) {
        return "SELECT scope_id, metric, value FROM " + totals + " FINAL WHERE scope = 'event' AND scope_id IN ('"
                + String.join("', '", events) + "') AND dimension = ''"
                + " AND metric IN ('invited', 'delivered', 'opened', 'answered', 'yes')";
    }
}
