package io.inviteflow.streaming.totals;

import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up counter changes for a moment before they cross the network: a busy event's "opened" changes by one many
 * times a second, and its counter needs one change of n, not n changes of one. Chained right after
 * {@link AggregateCountersFunction}; emits every {@code interval}, when {@code maxCounters} counters are pending,
 * before each checkpoint barrier (so a checkpoint never holds facts whose changes are still here) and at the end of
 * input. Each combined change keeps its count of single changes, so the counters' final versions do not depend on how
 * changes were combined.
 */
public class ChangeCombiner extends AbstractStreamOperator<CounterChanges>
        implements OneInputStreamOperator<CounterChanges, CounterChanges>, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;
    private final long intervalMs;
    private final int maxCounters;
    private transient Map<String, Pending> byScope;
    private transient int pendingCounters;
    private transient boolean timerSet;

    /** One scope's pending changes: per counter name, {amount, count, newest occurredAtMs}. */
    private static final class Pending {
        final String scope;
        final String scopeId;
        final Map<String, long[]> changes = new LinkedHashMap<>();

        Pending(String scope, String scopeId) {
            this.scope = scope;
            this.scopeId = scopeId;
        }
    }

    public ChangeCombiner(long intervalMs, int maxCounters) {
        this.intervalMs = intervalMs;
        this.maxCounters = maxCounters;
    }

    @Override
    public void open() throws Exception {
        super.open();
        byScope = new LinkedHashMap<>();
    }

    @Override
    public void processElement(StreamRecord<CounterChanges> record) {
        CounterChanges c = record.getValue();
        Pending p = byScope.computeIfAbsent(c.scopeKey(), k -> new Pending(c.scope(), c.scopeId()));
        for (int i = 0; i < c.names().length; i++) {
            long[] sum = p.changes.get(c.names()[i]);
            if (sum == null) {
                sum = new long[]{0, 0, Long.MIN_VALUE};
                p.changes.put(c.names()[i], sum);
                pendingCounters++;
            }
            sum[0] += c.amounts()[i];
            sum[1] += c.counts()[i];
            sum[2] = Math.max(sum[2], c.occurredAtMs()[i]);
        }
        if (pendingCounters >= maxCounters) {
            flush();
        } else if (!timerSet) {
            timerSet = true;
            getProcessingTimeService().registerTimer(getProcessingTimeService().getCurrentProcessingTime() + intervalMs,
                    this);
        }
    }

    @Override
    public void onProcessingTime(long time) {
        timerSet = false;
        flush();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        List<Pending> scopes = new ArrayList<>(byScope.values());
        byScope.clear();
        pendingCounters = 0;
        for (Pending p : scopes) {
            int n = p.changes.size();
            String[] names = new String[n];
            long[] amounts = new long[n];
            long[] counts = new long[n];
            long[] times = new long[n];
            int i = 0;
            for (Map.Entry<String, long[]> e : p.changes.entrySet()) {
                names[i] = e.getKey();
                amounts[i] = e.getValue()[0];
                counts[i] = e.getValue()[1];
                times[i] = e.getValue()[2];
                i++;
            }
            output.collect(new StreamRecord<>(new CounterChanges(p.scope, p.scopeId, names, amounts, counts, times)));
        }
    }
}
