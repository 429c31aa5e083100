package io.inviteflow.streaming.spikes;

import java.io.Serializable;

/**
 * When a minute's opens count as a spike: at least {@code minOpens}, and at least {@code factor} times the event's usual
 * opens per minute, once the event has been watched for {@code warmUpMinutes}. The usual rate is an exponentially
 * weighted average of the event's past minutes, quiet minutes included (weight {@code alpha} for the newest).
 */
public record SpikeRule(double factor, long minOpens, int warmUpMinutes, double alpha) implements Serializable {

    /** Five times the usual rate and 20 opens at least, after 10 minutes; a minute weighs 10 % of the average. */
    public static final SpikeRule DEFAULT = new SpikeRule(5, 20, 10, 0.1);

    public SpikeRule {
        if (factor <= 1 || minOpens < 1 || warmUpMinutes < 0 || alpha <= 0 || alpha > 1) {
            throw new IllegalArgumentException("a spike rule needs factor > 1, minOpens >= 1, alpha in (0, 1]");
        }
    }

    /** Whether {@code opens} in a minute is a spike for an event watched {@code minutesWatched} at {@code usual}. */
    public boolean isSpike(long opens, double usual, long minutesWatched) {
        return minutesWatched >= warmUpMinutes && opens >= minOpens && opens >= factor * Math.max(usual, 1.0);
    }

    /** The usual rate after {@code quietMinutes} minutes without opens, then a minute with {@code opens}. */
    public double nextUsual(double usual, long quietMinutes, long opens) {
        double decayed = usual * Math.pow(1 - alpha, quietMinutes);
        return alpha * opens + (1 - alpha) * decayed;
    }
}
