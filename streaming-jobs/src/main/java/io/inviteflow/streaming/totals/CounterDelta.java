package io.inviteflow.streaming.totals;

/**
 * A change of one {@link Counter} caused by one activity (signed: a changed answer moves an invitation from one
 * bucket to another).
 *
 * @param occurredAtMs event time of the activity that caused it
 */
public record CounterDelta(String scope, String scopeId, String metric, String dimension, long amount,
                           long occurredAtMs) {

    public static CounterDelta of(Counter counter, long amount, long occurredAtMs) {
        return new CounterDelta(counter.scope(), counter.scopeId(), counter.metric(), counter.dimension(), amount,
                occurredAtMs);
    }

    public String key() {
        return new Counter(scope, scopeId, metric, dimension).key();
    }
}
