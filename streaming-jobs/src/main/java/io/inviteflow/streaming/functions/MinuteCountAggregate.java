package io.inviteflow.streaming.functions;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.MinuteAccumulator;
import io.inviteflow.streaming.records.MinuteCounts;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts opens and answers of one event-minute incrementally, each eventId once (redeliveries count once). */
public class MinuteCountAggregate implements AggregateFunction<ActivityEvent, MinuteAccumulator, MinuteCounts> {

    private static final long serialVersionUID = 1L;

    @Override
    public MinuteAccumulator createAccumulator() {
        return new MinuteAccumulator();
    }

    @Override
    public MinuteAccumulator add(ActivityEvent activity, MinuteAccumulator acc) {
        acc.getOpenByEventId().putIfAbsent(activity.eventId(), activity.type() == ActivityType.INVITATION_OPENED);
        return acc;
    }

    @Override
    public MinuteCounts getResult(MinuteAccumulator acc) {
        long opens = acc.getOpenByEventId().values().stream().filter(Boolean::booleanValue).count();
        return new MinuteCounts(opens, acc.getOpenByEventId().size() - opens);
    }

    @Override
    public MinuteAccumulator merge(MinuteAccumulator a, MinuteAccumulator b) {
        b.getOpenByEventId().forEach(a.getOpenByEventId()::putIfAbsent);
        return a;
    }
}
