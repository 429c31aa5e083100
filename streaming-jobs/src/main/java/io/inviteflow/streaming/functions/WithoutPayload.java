package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Drops the raw payload before an activity crosses the network to the counters: they use only the decoded fields,
 * and the payload (most of the bytes) goes to the archive straight from the source.
 */
public class WithoutPayload implements MapFunction<ActivityEvent, ActivityEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public ActivityEvent map(ActivityEvent a) {
        return new ActivityEvent(a.eventId(), a.type(), a.aggregateType(), a.aggregateId(), a.partyEventId(),
                a.occurredAtMs(), null, a.response(), a.plusOnes(), a.answerVersion(), a.details());
    }
}
