package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.InvitationState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by invitation (aggregateId): keeps the invitation's {@link InvitationState} and emits an
 * {@link EngagementDelta} only when a figure of its party event really changes (see {@link InvitationTransitions}).
 * State is kept for the life of the invitation (one small record each; no TTL, see README known limits).
 */
public class InvitationStateFunction extends KeyedProcessFunction<String, ActivityEvent, EngagementDelta> {

    private static final long serialVersionUID = 1L;
    private transient ValueState<InvitationState> invitation;

    @Override
    public void open(OpenContext openContext) {
        invitation = getRuntimeContext().getState(new ValueStateDescriptor<>("invitation", InvitationState.class));
    }

    @Override
    public void processElement(ActivityEvent activity, Context ctx, Collector<EngagementDelta> out) throws Exception {
        InvitationTransitions.Transition t = InvitationTransitions.apply(invitation.value(), activity);
        invitation.update(t.state());
        if (t.delta() != null) {
            out.collect(t.delta());
        }
    }
}
