package io.inviteflow.batch.message;

import io.inviteflow.batch.push.PushMessage;
import io.inviteflow.batch.push.PushWriter;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderWriter;
import io.inviteflow.batch.push.PushSubscriptionsClient;
import io.inviteflow.batch.push.WebPushSender;
import io.inviteflow.batch.reminder.MailSends;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import io.inviteflow.batch.reminder.ReminderProperties;
import io.inviteflow.batch.sms.SmsMessage;
import io.inviteflow.batch.sms.SmsSender;
import io.inviteflow.batch.sms.SmsWriter;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.batch.item.Chunk;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.batch.item.ItemWriter;

import java.util.List;
import java.util.Objects;

/**
 * Sends a chunk's messages (reminders, campaigns): the pushes (quick, each to the person's browsers), the text
 * messages, then the mails side by side. Each goes through the delivery ledger, so a chunk repeated after a failure sends only what did not go
 * out.
 */
public class OutgoingWriter implements ItemWriter<Outgoing> {

    private final ReminderWriter mails;
    private final PushWriter pushes;
    private final SmsWriter texts;

    public OutgoingWriter(ReminderWriter mails, PushWriter pushes, SmsWriter texts) {
        this.mails = mails;
        this.pushes = pushes;
        this.texts = texts;
    }

    /** What every job's writer of outgoing messages is made of; one writer per step execution (its id in the ledger). */
    @org.springframework.stereotype.Component
    public static class Parts {

        private final ReminderDeliveries deliveries;
        private final JavaMailSender mail;
        private final MailSends sends;
        private final ReminderActivities activities;
        private final ReminderProperties properties;
        private final WebPushSender push;
        private final PushSubscriptionsClient subscriptions;
        private final SmsSender sms;

        Parts(ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends, ReminderActivities activities,
              ReminderProperties properties, WebPushSender push, PushSubscriptionsClient subscriptions,
              SmsSender sms) {
            this.sms = sms;
            this.deliveries = deliveries;
            this.mail = mail;
            this.sends = sends;
            this.activities = activities;
            this.properties = properties;
            this.push = push;
            this.subscriptions = subscriptions;
        }

        public OutgoingWriter writer(long jobExecutionId) {
            try {
                return new OutgoingWriter(new ReminderWriter(deliveries, mail, activities,
                        new InternetAddress(properties.from(), true), jobExecutionId, sends),
                        new PushWriter(deliveries, activities, push, subscriptions, jobExecutionId),
                        new SmsWriter(deliveries, activities, sms, jobExecutionId));
            } catch (AddressException e) {
                throw new IllegalStateException("inviteflow.reminders.from is not an address", e);
            }
        }
    }

    @Override
    public void write(Chunk<? extends Outgoing> chunk) {
        List<PushMessage> push = chunk.getItems().stream().map(Outgoing::push)
                .filter(Objects::nonNull).toList();
        pushes.deliver(push);
        RuntimeException textsFailed = null;
        try {
            texts.deliver(chunk.getItems().stream().map(Outgoing::sms).filter(Objects::nonNull).toList());
        } catch (RuntimeException e) {
            textsFailed = e; // the mails still go; the chunk fails after them
        }
        List<Reminder> email = chunk.getItems().stream().map(Outgoing::email)
                .filter(Objects::nonNull).toList();
        try {
            mails.write(new Chunk<>(email));
        } catch (RuntimeException e) {
            if (textsFailed != null) {
                e.addSuppressed(textsFailed);
            }
            throw e;
        }
        if (textsFailed != null) {
            throw textsFailed;
        }
    }
}
