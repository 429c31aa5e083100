package io.inviteflow.streaming.totals;

/** The state of one counter: its value, how many changes made it, and the newest event time among them. */
public record CounterTotal(long value, long version, long updatedAt) {

    public static final CounterTotal ZERO = new CounterTotal(0, 0, 0);

    public CounterTotal plus(CounterDelta d) {
        return new CounterTotal(value + d.amount(), version + 1,
                Math.max(updatedAt, Math.floorDiv(d.occurredAtMs(), 1000L)));
    }
}
