package io.inviteflow.batch.sms;

import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers text messages through the same ledger as the mails, one at a time: claimed (committed) just before the
 * provider is called, marked sent when it accepted, then published as REMINDER_SENT (channel {@code sms}). A refusal
 * for good (the person replied STOP, not a mobile number) is never tried again. A provider that was down leaves the
 * text {@code failed} and fails the chunk once the rest went, so the run is restarted and sends it; a request whose
 * answer was lost stays claimed (in doubt: reported, never resent).
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
        List<String> notTaken = new ArrayList<>();
        try {
            for (SmsMessage message : messages) {
                switch (deliveries.claim(message.ledger(), jobExecutionId)) {
                    case CLAIMED -> send(message, toPublish, notTaken);
                    case SENT_NOT_PUBLISHED -> toPublish.add(ReminderActivities.Sent.of(message.ledger()));
                    case IN_DOUBT -> log.warn("SMS {} is in doubt (claimed, never confirmed sent): not resending",
                            message.ledger().idempotencyKey());
                    case DONE -> log.debug("SMS {} already sent", message.ledger().idempotencyKey());
                }
            }
        } finally {
            activities.publish(toPublish);
            deliveries.markPublished(toPublish);
        }
        if (!notTaken.isEmpty()) {
            throw new IllegalStateException(notTaken.size() + " SMS not taken by the provider, sent on restart: "
                    + notTaken.get(0));
        }
    }

    private void send(SmsMessage message, List<ReminderActivities.Sent> toPublish, List<String> notTaken) {
        SmsSender.Outcome outcome;
        try {
            outcome = sender.send(message);
        } catch (RuntimeException e) {
            deliveries.markFailed(message.ledger(), "not sent: " + e); // refused before anything was sent
            throw e;
        }
        switch (outcome.result()) {
            case ACCEPTED -> {
                deliveries.markSent(message.ledger());
                toPublish.add(ReminderActivities.Sent.of(message.ledger()));
            }
            case REFUSED -> deliveries.markRefused(message.ledger(), outcome.detail());
            case FAILED -> {
                deliveries.markFailed(message.ledger(), outcome.detail());
                notTaken.add(outcome.detail());
            }
            case IN_DOUBT -> log.warn("SMS {} in doubt: {}", message.ledger().idempotencyKey(), outcome.detail());
        }
    }
}
