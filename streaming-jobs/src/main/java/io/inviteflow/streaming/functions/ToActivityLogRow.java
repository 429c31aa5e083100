package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.ActivityLogRow;
import org.apache.flink.api.common.functions.MapFunction;

/** An activity as a row of the raw archive. */
public class ToActivityLogRow implements MapFunction<ActivityEvent, ActivityLogRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public ActivityLogRow map(ActivityEvent a) {
        return new ActivityLogRow(a.eventId(), a.type().name(), a.aggregateType(), a.aggregateId(), a.partyEventId(),
                Math.floorDiv(a.occurredAtMs(), 1000L), (int) Math.floorMod(a.occurredAtMs(), 1000L), a.payload());
    }
}
