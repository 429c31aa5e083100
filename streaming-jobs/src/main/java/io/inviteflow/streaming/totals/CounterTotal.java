package io.inviteflow.streaming.totals;

/** The state of one counter: its value, how many single changes made it, and the newest event time among them. */
public record CounterTotal(long value, long version, long updatedAt) {

    public static final CounterTotal ZERO = new CounterTotal(0, 0, 0);

    /** After {@code count} changes adding up to {@code amount}. */
    public CounterTotal plus(long amount, long count, long occurredAtMs) {
        return new CounterTotal(value + amount, version + count,
                Math.max(updatedAt, Math.floorDiv(occurredAtMs, 1000L)));
    }
}
