package io.inviteflow.streaming;

import io.inviteflow.streaming.clickhouse.ClickHouseSink;
import io.inviteflow.streaming.clickhouse.ClickHouseTable;
import io.inviteflow.streaming.clickhouse.ClickHouseTarget;
import io.inviteflow.streaming.records.ActivityLogRow;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import io.inviteflow.streaming.records.EventEngagementRow;
import org.apache.flink.api.connector.sink2.Sink;

import java.time.Duration;

/** The three outputs of {@link EngagementJob}; tests may pass their own sinks. */
public record EngagementSinks(Sink<EventEngagementRow> engagement,
                              Sink<EngagementMinuteRow> minutes,
                              Sink<ActivityLogRow> activityLog) {

    /** The real ones: three ClickHouse tables in one database. */
    public static EngagementSinks clickHouse(ClickHouseTarget target, int batchSize, Duration flushInterval) {
        return new EngagementSinks(
                new ClickHouseSink<>(target, ClickHouseTable.EVENT_ENGAGEMENT, batchSize, flushInterval),
                new ClickHouseSink<>(target, ClickHouseTable.ENGAGEMENT_MINUTE, batchSize, flushInterval),
                new ClickHouseSink<>(target, ClickHouseTable.ACTIVITY_LOG, batchSize, flushInterval));
    }
}
