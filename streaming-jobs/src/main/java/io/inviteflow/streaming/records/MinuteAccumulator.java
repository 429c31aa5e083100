package io.inviteflow.streaming.records;

import java.util.HashMap;
import java.util.Map;

/**
 * Accumulator of one event-minute window: the distinct eventIds seen, each marked open ({@code true}) or answer
 * ({@code false}). Keeping ids (not just counts) makes redelivered messages count once; a duplicate carries the same
 * {@code occurredAt}, so it always lands in the same window as its original. A mutable POJO because Flink's
 * AggregateFunction updates its accumulator in place.
 */
public class MinuteAccumulator {

    private Map<String, Boolean> openByEventId = new HashMap<>();

    public Map<String, Boolean> getOpenByEventId() {
        return openByEventId;
    }

    public void setOpenByEventId(Map<String, Boolean> openByEventId) {
        this.openByEventId = openByEventId;
    }
}
