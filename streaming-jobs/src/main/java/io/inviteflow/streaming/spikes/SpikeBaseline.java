package io.inviteflow.streaming.spikes;

/** What the detector remembers of an event (keyed state, mutable Flink POJO). */
public class SpikeBaseline {

    /** the usual opens per minute up to {@link #lastClosedMinuteMs} */
    public double usualPerMinute;
    /** start (epoch ms) of the newest minute already judged; opens of it or before are too late for the detector */
    public long lastClosedMinuteMs = Long.MIN_VALUE;
    /** start (epoch ms) of the first minute with an open */
    public long firstMinuteMs = Long.MIN_VALUE;
}
