package io.inviteflow.batch.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cron      Quartz cron expression of the unanswered-invitation reminder run (seconds first), e.g. hourly
 *                  {@code 0 0 * * * ?}
 * @param pageSize  invitations per request to the core (1..1000)
 * @param chunkSize reminders per chunk (one commit of reader position and Kafka acks)
 * @param from      the From: address of reminder mails, e.g. {@code Inviteflow <reminders@inviteflow.local>}
 * @param unansweredAfter how long after the invitation a guest who has not answered is reminded (not minutes after
 *                  being invited because the hourly run happened to come then)
 * @param skipLikelyToAnswer guests whose chance to answer on their own (the promoted model's, see the core's
 *                  pending-invitations API) is at least this are not reminded; unset: everybody is
 */
@ConfigurationProperties("inviteflow.reminders")
public record ReminderProperties(String cron, int pageSize, int chunkSize, String from,
                                 java.time.Duration unansweredAfter, Double skipLikelyToAnswer) {

    public ReminderProperties {
        if (skipLikelyToAnswer != null && (skipLikelyToAnswer <= 0 || skipLikelyToAnswer > 1)) {
            throw new IllegalArgumentException("inviteflow.reminders.skip-likely-to-answer: above 0, at most 1");
        }
    }
}
