package io.inviteflow.batch.push;

import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers Web Push notifications through the same ledger as the mails: claimed (committed) before anything is sent,
 * marked sent when at least one of the guest's browsers' push services accepted it, then published as REMINDER_SENT
 * (channel {@code push}). A push service that answered 404/410 forgot the subscription: the core drops it. A push
 * no service accepted (all down, or all gone) is marked failed, and a later run may try again if the guest still has
 * a subscription.
 */
public class PushWriter {

    private static final Logger log = LoggerFactory.getLogger(PushWriter.class);

    private final ReminderDeliveries deliveries;
    private final ReminderActivities activities;
    private final WebPushSender sender;
    private final PushSubscriptionsClient subscriptions;
    private final long jobExecutionId;

    public PushWriter(ReminderDeliveries deliveries, ReminderActivities activities, WebPushSender sender,
                      PushSubscriptionsClient subscriptions, long jobExecutionId) {
        this.deliveries = deliveries;
        this.activities = activities;
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.jobExecutionId = jobExecutionId;
    }

    public void deliver(List<PushMessage> messages) {
        List<ReminderActivities.Sent> toPublish = new ArrayList<>();
        for (PushMessage message : messages) {
            switch (deliveries.claim(message.ledger(), jobExecutionId)) {
                case CLAIMED -> {
                    if (send(message)) {
                        deliveries.markSent(message.ledger());
                        toPublish.add(ReminderActivities.Sent.of(message.ledger()));
                    }
                }
                case SENT_NOT_PUBLISHED -> toPublish.add(ReminderActivities.Sent.of(message.ledger()));
                case IN_DOUBT -> log.warn("push {} is in doubt (claimed, never confirmed sent): not resending",
                        message.ledger().idempotencyKey());
                case DONE -> log.debug("push {} already sent", message.ledger().idempotencyKey());
            }
        }
        activities.publish(toPublish);
        deliveries.markPublished(toPublish);
    }

    /** Tells the core; if it cannot be told now, the next push to the subscription finds it gone again. */
    private void forget(String endpoint) {
        try {
            subscriptions.forget(endpoint);
        } catch (RuntimeException e) {
            log.warn("could not tell the core that push subscription {} is gone: {}", endpoint, e.getMessage());
        }
    }

    /** True when a push service accepted it for at least one of the guest's browsers. */
    private boolean send(PushMessage message) {
        boolean accepted = false;
        List<String> failures = new ArrayList<>();
        for (PushTarget target : message.targets()) {
            WebPushSender.Outcome outcome = sender.send(target, message);
            switch (outcome.result()) {
                case ACCEPTED -> accepted = true;
                case GONE -> forget(target.endpoint());
                case FAILED -> failures.add(outcome.detail());
            }
        }
        if (!accepted) {
            deliveries.markFailed(message.ledger(), failures.isEmpty() ? "no subscription is live any more"
                    : String.join("; ", failures));
        }
        return accepted;
    }
}
