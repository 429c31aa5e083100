package io.inviteflow.batch.sms;

import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers text messages through the same ledger as the mails: claimed (committed) before the provider is called,
 * marked sent when it accepted, then published as REMINDER_SENT (channel {@code sms}). A refusal for good (the person
 * replied STOP, not a mobile number) is never tried again; a provider that is down leaves it for a later run.
 */
public class SmsWriter {

    private static final Logger log = LoggerFactory.getLogger(SmsWriter.class);

    private final ReminderDeliveries deliveries;
    private final ReminderActivities activities;
    private final SmsSender sender;
    private final long jobExecutionId;

    public SmsWriter(ReminderDeliveries deliveries, ReminderActivities activities, SmsSender sender,
                     long jobExecutionId) {
        this.deliveries = deliveries;
        this.activities = activities;
        this.sender = sender;
        this.jobExecutionId = jobExecutionId;
    }

    public void deliver(List<SmsMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        if (!sender.configured()) {
            log.warn("{} SMS not sent: no SMS provider is configured (inviteflow.sms.account-sid)", messages.size());
            return;
        }
        List<ReminderActivities.Sent> toPublish = new ArrayList<>();
        var claims = deliveries.claimAll(messages.stream().map(SmsMessage::ledger).toList(), jobExecutionId);
        for (int i = 0; i < messages.size(); i++) {
            SmsMessage message = messages.get(i);
            switch (claims.get(i)) {
                case CLAIMED -> {
                    SmsSender.Outcome outcome = sender.send(message);
                    switch (outcome.result()) {
                        case ACCEPTED -> {
                            deliveries.markSent(message.ledger());
                            toPublish.add(ReminderActivities.Sent.of(message.ledger()));
                        }
                        case REFUSED -> deliveries.markRefused(message.ledger(), outcome.detail());
                        case FAILED -> deliveries.markFailed(message.ledger(), outcome.detail());
                    }
                }
                case SENT_NOT_PUBLISHED -> toPublish.add(ReminderActivities.Sent.of(message.ledger()));
                case IN_DOUBT -> log.warn("SMS {} is in doubt (claimed, never confirmed sent): not resending",
                        message.ledger().idempotencyKey());
                case DONE -> log.debug("SMS {} already sent", message.ledger().idempotencyKey());
            }
        }
        activities.publish(toPublish);
        deliveries.markPublished(toPublish);
    }
}
