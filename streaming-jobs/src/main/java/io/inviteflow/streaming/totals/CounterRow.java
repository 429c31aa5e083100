package io.inviteflow.streaming.totals;

/**
 * One row of {@code engagement_totals}: a counter's value after {@code version} changes. Field names map to the
 * snake_case columns.
 *
 * @param version   changes applied to this counter so far: the same in every run (replay, restart, parallelism), so
 *                  ReplacingMergeTree keeps the newest
 * @param updatedAt event time (epoch seconds) of the newest activity that changed it
 */
public record CounterRow(String scope, String scopeId, String metric, String dimension, long value, long version,
                         long updatedAt) {

    /** Which counter this row is a value of. */
    public CounterId key() {
        return new CounterId(scope, scopeId, metric, dimension);
    }
}
