package io.inviteflow.streaming.totals;

import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Groups one activity's counter changes by scope, in the order they were added, and emits one record per scope. */
final class ChangeBundler {

    private record Scope(String scope, String scopeId) {
    }

    /**
     * {@code metric|} of each metric without a dimension, made once: the combiner and the counters' state look every
     * name up in hash maps, and a String made once keeps its hash.
     */
    private static final Map<String, String> WITHOUT_DIMENSION = new ConcurrentHashMap<>();

    private final Map<Scope, List<Map.Entry<String, Long>>> byScope = new LinkedHashMap<>();

    void add(CounterId counter, long amount) {
        if (amount == 0) {
            return;
        }
        byScope.computeIfAbsent(new Scope(counter.scope(), counter.scopeId()), k -> new ArrayList<>())
                .add(Map.entry(name(counter), amount));
    }

    private static String name(CounterId counter) {
        return counter.dimension().isEmpty() ? WITHOUT_DIMENSION.computeIfAbsent(counter.metric(), m -> m + '|')
                : counter.metric() + '|' + counter.dimension();
    }

    /** The changes whose contribution differs between {@code before} and {@code after} (fixed order). */
    void addDifference(Map<CounterId, Long> before, Map<CounterId, Long> after) {
        for (Map.Entry<CounterId, Long> e : before.entrySet()) {
            add(e.getKey(), after.getOrDefault(e.getKey(), 0L) - e.getValue());
        }
        for (Map.Entry<CounterId, Long> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                add(e.getKey(), e.getValue());
            }
        }
    }

    void addAll(Map<CounterId, Long> counts) {
        counts.forEach(this::add);
    }

    void emit(long occurredAtMs, Collector<CounterChanges> out) {
        byScope.forEach((scope, changes) -> {
            String[] names = new String[changes.size()];
            long[] amounts = new long[changes.size()];
            long[] counts = new long[changes.size()];
            long[] times = new long[changes.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = changes.get(i).getKey();
                amounts[i] = changes.get(i).getValue();
                counts[i] = 1;
                times[i] = occurredAtMs;
            }
            out.collect(new CounterChanges(scope.scope(), scope.scopeId(), names, amounts, counts, times));
        });
    }
}
