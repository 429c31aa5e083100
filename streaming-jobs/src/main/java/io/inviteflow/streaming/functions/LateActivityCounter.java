package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts activities that arrived after their minute window was closed for good (watermark past window end plus the
 * allowed lateness), in the metric {@value #METRIC}. They emit nothing: they are still in {@code activity_log} and
 * in the engagement totals, only the per-minute chart misses them.
 */
public class LateActivityCounter extends ProcessFunction<ActivityEvent, ActivityEvent> {

    public static final String METRIC = "activitiesTooLateForMinuteWindow";
    private static final Logger LOG = LoggerFactory.getLogger(LateActivityCounter.class);
    private static final long serialVersionUID = 1L;
    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(ActivityEvent activity, Context ctx, Collector<ActivityEvent> out) {
        late.inc();
        LOG.debug("activity {} of event {} at {} is too late for its minute window", activity.eventId(),
                activity.partyEventId(), activity.occurredAtMs());
    }
}
