package io.inviteflow.streaming;

import io.inviteflow.streaming.clickhouse.ClickHouseSink;
import io.inviteflow.streaming.clickhouse.ClickHouseTable;
import io.inviteflow.streaming.clickhouse.ClickHouseTarget;
import io.inviteflow.streaming.records.ActivityLogRow;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import io.inviteflow.streaming.records.EventEngagementRow;
import io.inviteflow.streaming.totals.CounterRow;
import org.apache.flink.api.connector.sink2.Sink;

import java.time.Duration;

/** The four outputs of {@link EngagementJob}; tests may pass their own sinks. */
public record EngagementSinks(Sink<EventEngagementRow> engagement,
                              Sink<EngagementMinuteRow> minutes,
                              Sink<ActivityLogRow> activityLog,
                              Sink<CounterRow> totals) {

    /** The real ones: four ClickHouse tables in one database; tables of running totals insert each row's newest. */
    public static EngagementSinks clickHouse(ClickHouseTarget target, int batchSize, Duration flushInterval) {
        return new EngagementSinks(
                new ClickHouseSink<>(target, ClickHouseTable.EVENT_ENGAGEMENT, batchSize, flushInterval,
                        EventEngagementRow::eventId),
                new ClickHouseSink<>(target, ClickHouseTable.ENGAGEMENT_MINUTE, batchSize, flushInterval,
                        row -> row.eventId() + '|' + row.minute()),
                new ClickHouseSink<>(target, ClickHouseTable.ACTIVITY_LOG, batchSize, flushInterval),
                new ClickHouseSink<>(target, ClickHouseTable.ENGAGEMENT_TOTALS, batchSize, flushInterval,
                        CounterRow::key));
    }
}
