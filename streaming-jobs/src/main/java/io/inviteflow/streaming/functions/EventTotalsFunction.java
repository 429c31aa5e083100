package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.EventEngagementRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by party event: adds each {@link EngagementDelta} to the event's totals and emits the new row. The row's
 * {@code version} counts the deltas applied; every delta comes from a deterministic per-invitation sequence, so the
 * final row (highest version) is the same after a replay from offset 0 or a restart from a checkpoint.
 */
public class EventTotalsFunction extends KeyedProcessFunction<String, EngagementDelta, EventEngagementRow> {

    private static final long serialVersionUID = 1L;
    private transient ValueState<EventEngagementRow> totals;

    @Override
    public void open(OpenContext openContext) {
        totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", EventEngagementRow.class));
    }

    @Override
    public void processElement(EngagementDelta delta, Context ctx, Collector<EventEngagementRow> out) throws Exception {
        EventEngagementRow current = totals.value();
        EventEngagementRow next = add(current == null ? EventEngagementRow.empty(ctx.getCurrentKey()) : current, delta);
        totals.update(next);
        out.collect(next);
    }

    /** Pure: the totals after one delta. */
    public static EventEngagementRow add(EventEngagementRow t, EngagementDelta d) {
        return new EventEngagementRow(t.eventId(),
                t.invited() + d.invited(), t.opened() + d.opened(),
                t.yes() + d.yes(), t.no() + d.no(), t.maybe() + d.maybe(),
                t.headcount() + d.headcount(),
                t.version() + 1,
                Math.max(t.updatedAt(), Math.floorDiv(d.occurredAtMs(), 1000L)));
    }
}
