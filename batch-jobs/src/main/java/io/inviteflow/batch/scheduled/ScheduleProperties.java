package io.inviteflow.batch.scheduled;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * @param cron           Quartz cron of the scheduled-reminder run (seconds first): every minute by default, so a
 *                       "2 hours before" reminder leaves within a minute of its time
 * @param lookback       how far back a run looks for reminders still due: long enough to cover quiet hours and an
 *                       outage (a reminder older than that is dropped rather than sent late)
 * @param quietStart     start of the guests' night, in their own time zone
 * @param quietEnd       its end
 */
@ConfigurationProperties("inviteflow.schedules")
public record ScheduleProperties(String cron, Duration lookback, LocalTime quietStart, LocalTime quietEnd) {

    QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd);
    }
}
