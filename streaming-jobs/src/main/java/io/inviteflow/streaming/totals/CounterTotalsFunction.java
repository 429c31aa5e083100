package io.inviteflow.streaming.totals;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by counter: adds each {@link CounterDelta} and emits the counter's new row. The deltas of one counter come
 * from deterministic per-aggregate sequences, so its final row (highest version) is the same after a replay from
 * offset 0, a restart from a checkpoint, or at another parallelism.
 */
public class CounterTotalsFunction extends KeyedProcessFunction<String, CounterDelta, CounterRow> {

    private static final long serialVersionUID = 1L;
    private transient ValueState<CounterTotal> total;

    @Override
    public void open(OpenContext openContext) {
        total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", CounterTotal.class));
    }

    @Override
    public void processElement(CounterDelta delta, Context ctx, Collector<CounterRow> out) throws Exception {
        CounterTotal current = total.value();
        CounterTotal next = (current == null ? CounterTotal.ZERO : current).plus(delta);
        total.update(next);
        out.collect(new CounterRow(delta.scope(), delta.scopeId(), delta.metric(), delta.dimension(), next.value(),
                next.version(), next.updatedAt()));
    }
}
