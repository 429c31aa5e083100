package io.inviteflow.streaming.totals;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import io.inviteflow.streaming.state.KeyText;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by scope (an event, a campaign, an organizer): adds each change to its counter and emits the counter's new
 * row. The changes of one counter come from deterministic per-aggregate sequences, and its final row (highest
 * version, the count of its changes) carries the sum of all of them, so the final rows are the same after a replay from
 * offset 0, a restart from a checkpoint, or at another parallelism.
 */
public class CounterTotalsFunction extends KeyedProcessFunction<String, CounterChanges, CounterRow> {

    private static final long serialVersionUID = 1L;
    private transient MapState<String, CounterTotal> totals;

    @Override
    public void open(OpenContext openContext) {
        totals = getRuntimeContext().getMapState(new MapStateDescriptor<>("totals", KeyText.TYPE,
                TypeInformation.of(CounterTotal.class)));
    }

    @Override
    public void processElement(CounterChanges changes, Context ctx, Collector<CounterRow> out) throws Exception {
        for (int i = 0; i < changes.names().length; i++) {
            String name = changes.names()[i];
            CounterTotal current = totals.get(name);
            CounterTotal next = (current == null ? CounterTotal.ZERO : current)
                    .plus(changes.amounts()[i], changes.counts()[i], changes.occurredAtMs()[i]);
            totals.put(name, next);
            int bar = name.indexOf('|');
            out.collect(new CounterRow(changes.scope(), changes.scopeId(), name.substring(0, bar),
                    name.substring(bar + 1), next.value(), next.version(), next.updatedAt()));
        }
    }
}
