package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time = the producer's {@code occurredAt}. */
public class OccurredAtAssigner implements SerializableTimestampAssigner<ActivityEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(ActivityEvent activity, long recordTimestamp) {
        return activity.occurredAtMs();
    }
}
