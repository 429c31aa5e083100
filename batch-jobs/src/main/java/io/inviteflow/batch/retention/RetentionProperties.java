package io.inviteflow.batch.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * @param guestDataAfter how long after an event its guests' personal data is kept (names, addresses, numbers, notes,
 *                       answers to questions, posts; buyers' and ticket holders' too), e.g. {@code P2Y}
 * @param cron           when the retention job runs (Quartz cron)
 * @param chunkSize      invitations (and orders) erased per core call and transaction
 */
@ConfigurationProperties("inviteflow.retention")
public record RetentionProperties(@DefaultValue("P2Y") Period guestDataAfter,
                                  @DefaultValue("0 40 3 * * ?") String cron,
                                  @DefaultValue("500") int chunkSize) {

    /** The core refuses shorter ones (InternalRetentionController): a run that would fail every night fails here. */
    static final int SHORTEST_DAYS = 30;

    public RetentionProperties {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        if (today.minus(guestDataAfter).isAfter(today.minusDays(SHORTEST_DAYS))) {
            throw new IllegalArgumentException("inviteflow.retention.guest-data-after must be at least "
                    + SHORTEST_DAYS + " days, not " + guestDataAfter);
        }
    }
}
