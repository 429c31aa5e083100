package io.inviteflow.streaming;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event-time behaviour of the job: the watermarks that close the spike detector's minutes.
 *
 * @param outOfOrderness how far behind the newest {@code occurredAt} of a partition an activity may arrive and still
 *                       be on time (bounded out-of-orderness watermarks)
 * @param idleTimeout    a partition without messages for this long stops holding the watermark back
 */
public record EventTimeSettings(Duration outOfOrderness, Duration idleTimeout) implements Serializable {

    public static final EventTimeSettings DEFAULT = new EventTimeSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));
}
