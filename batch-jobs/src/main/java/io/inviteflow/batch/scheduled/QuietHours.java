package io.inviteflow.batch.scheduled;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours of the night no reminder is sent in, in the recipient's own time zone: a reminder due then waits until
 * the night is over (it stays due, and the next run after the end sends it). Start after end wraps midnight
 * (21:00–08:00); start equal to end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public boolean quietAt(Instant instant, ZoneId zone) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime local = instant.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }
}
