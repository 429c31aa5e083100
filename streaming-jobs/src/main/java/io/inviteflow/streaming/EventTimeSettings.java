package io.inviteflow.streaming;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event-time behaviour of the per-minute series.
 *
 * @param outOfOrderness  how far behind the newest {@code occurredAt} of a partition an activity may arrive and still
 *                        be on time (bounded out-of-orderness watermarks)
 * @param idleTimeout     a partition without messages for this long stops holding the watermark back
 * @param allowedLateness how long after its minute closed a window still accepts late activities (each one re-emits
 *                        the minute's row with a higher version); later ones are counted and dropped from the chart
 */
public record EventTimeSettings(Duration outOfOrderness, Duration idleTimeout, Duration allowedLateness)
        implements Serializable {

    public static final EventTimeSettings DEFAULT =
            new EventTimeSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(1));
}
