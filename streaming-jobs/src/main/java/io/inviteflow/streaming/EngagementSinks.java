package io.inviteflow.streaming;

import io.inviteflow.streaming.clickhouse.ClickHouseSink;
import io.inviteflow.streaming.clickhouse.ClickHouseTable;
import io.inviteflow.streaming.clickhouse.ClickHouseTarget;
import io.inviteflow.streaming.records.ActivityLogRow;
import io.inviteflow.streaming.spikes.OpensSpikeAlert;
import io.inviteflow.streaming.spikes.SpikeAlertSerializer;
import io.inviteflow.streaming.totals.CounterRow;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

import java.time.Duration;

/** The outputs of {@link EngagementJob}; tests may pass their own sinks. */
public record EngagementSinks(Sink<ActivityLogRow> activityLog, Sink<CounterRow> totals,
                              Sink<OpensSpikeAlert> alerts) {

    /**
     * The real ones: two ClickHouse tables in one database (the totals' sink inserts each counter's newest row of a
     * batch only), and alerts as activities on the activity topic.
     */
    public static EngagementSinks of(ClickHouseTarget target, int batchSize, Duration flushInterval, String bootstrap,
                                     String activityTopic) {
        return new EngagementSinks(
                new ClickHouseSink<>(target, ClickHouseTable.ACTIVITY_LOG, batchSize, flushInterval),
                new ClickHouseSink<>(target, ClickHouseTable.ENGAGEMENT_TOTALS, batchSize, flushInterval,
                        CounterRow::key),
                alerts(bootstrap, activityTopic));
    }

    /** At least once: an alert sent again after a restart has the same eventId, which consumers deduplicate on. */
    static Sink<OpensSpikeAlert> alerts(String bootstrap, String activityTopic) {
        return KafkaSink.<OpensSpikeAlert>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(new SpikeAlertSerializer(activityTopic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
