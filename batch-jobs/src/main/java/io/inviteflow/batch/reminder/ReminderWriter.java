package io.inviteflow.batch.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Mails each reminder at most once, then reports it as REMINDER_SENT on Kafka.
 * <p>
 * Per reminder (the chunk's reminders side by side, see {@link MailSends}): (1) claim it in {@code reminder_delivery}, committed on its own BEFORE anything is sent; only the
 * caller whose claim won sends; (2) send the mail; (3) mark it {@code sent}. After the chunk's mails: publish the
 * activities and mark them {@code published}.
 * <p>
 * Trade-off, deliberately at most once: if the process dies between (1) and (3), the row stays {@code claimed}; we
 * cannot know whether the mail left, so it is NOT resent — it is counted and reported at the end of the step
 * ({@link InDoubtDeliveriesListener}). A send that fails with an exception is known not to have been accepted by the
 * mail server (modulo a connection lost after the final dot), so its row becomes {@code failed} and a restart sends
 * it. The activity is at least once with a deterministic eventId: rows still {@code sent} are published again by
 * {@link UnpublishedRemindersListener} before the next run's step, whether or not the guest is still pending.
 */
public class ReminderWriter implements ItemWriter<Reminder> {

    private static final Logger log = LoggerFactory.getLogger(ReminderWriter.class);

    private final ReminderDeliveries deliveries;
    private final JavaMailSender mail;
    private final ReminderActivities activities;
    private final InternetAddress from;
    private final long jobExecutionId;
    private final Executor sends;

    public ReminderWriter(ReminderDeliveries deliveries, JavaMailSender mail, ReminderActivities activities,
                          InternetAddress from, long jobExecutionId, MailSends sends) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.activities = activities;
        this.from = from;
        this.jobExecutionId = jobExecutionId;
        this.sends = sends.executor();
    }

    /**
     * Delivers the chunk's mails side by side (each waits mostly on the mail server), each under its own claim. A mail
     * the server refused fails the chunk once the others are through and published; a restart sends only it again.
     */
    @Override
    public void write(Chunk<? extends Reminder> chunk) {
        Delivered delivered = deliverAll(chunk.getItems());
        if (delivered.firstRefusal() != null) {
            throw delivered.firstRefusal();
        }
    }

    /**
     * Like {@link #write}, but a mail the server refused does not fail the call: it is returned (its ledger row says
     * failed, so a later run may send it), so the caller can go on with the rest. Other failures still throw.
     */
    public List<Reminder> deliver(List<? extends Reminder> reminders) {
        return deliverAll(reminders).refused();
    }

    /** The mails the server refused, and the first refusal. */
    private record Delivered(List<Reminder> refused, MailException firstRefusal) {
    }

    private Delivered deliverAll(List<? extends Reminder> reminders) {
        List<CompletableFuture<Optional<ReminderActivities.Sent>>> deliveries = reminders.stream()
                .map(reminder -> CompletableFuture.supplyAsync(() -> deliver(reminder), sends))
                .toList();
        List<ReminderActivities.Sent> toPublish = new ArrayList<>();
        List<Reminder> refused = new ArrayList<>();
        MailException firstRefusal = null;
        RuntimeException failure = null;
        for (int i = 0; i < deliveries.size(); i++) {
            try {
                deliveries.get(i).join().ifPresent(toPublish::add);
            } catch (CompletionException e) {
                if (e.getCause() instanceof MailException mailRefused) {
                    refused.add(reminders.get(i));
                    firstRefusal = firstRefusal == null ? mailRefused : firstRefusal;
                } else if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        activities.publish(toPublish);
        this.deliveries.markPublished(toPublish);
        if (failure != null) {
            throw failure;
        }
        return new Delivered(refused, firstRefusal);
    }

    /** Claims, sends and marks one mail; what to publish for it, if anything. */
    private Optional<ReminderActivities.Sent> deliver(Reminder reminder) {
        switch (deliveries.claim(reminder, jobExecutionId)) {
            case CLAIMED -> {
                send(reminder);
                deliveries.markSent(reminder);
                return Optional.of(ReminderActivities.Sent.of(reminder));
            }
            case SENT_NOT_PUBLISHED -> {
                return Optional.of(ReminderActivities.Sent.of(reminder));
            }
            case IN_DOUBT -> log.warn("reminder {} is in doubt (claimed, never confirmed sent): not resending",
                    reminder.idempotencyKey());
            case DONE -> log.debug("reminder {} already sent", reminder.idempotencyKey());
        }
        return Optional.empty();
    }

    private void send(Reminder reminder) {
        try {
            mail.send(message(reminder));
        } catch (MailException e) {
            // The mail server refused it or was not reachable: not delivered, so a later run may send it. Any other
            // exception leaves the claim in doubt (never resent).
            deliveries.markFailed(reminder, e.toString());
            throw e;
        }
    }

    private MimeMessage message(Reminder reminder) {
        MimeMessage message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(reminder.recipient(), reminder.recipientName(), "UTF-8"));
            helper.setSubject(reminder.subject());
            helper.setText(reminder.textBody(), reminder.htmlBody());
            if (reminder.calendarUrl() != null) {
                MailAttachment ics = MailAttachment.fetch(reminder.calendarUrl());
                helper.addAttachment("invitation.ics", new jakarta.mail.util.ByteArrayDataSource(ics.content(),
                        ics.contentType()));
            }
            if (reminder.ticketsUrl() != null) {
                MailAttachment pdf = MailAttachment.fetchPdf(reminder.ticketsUrl());
                helper.addAttachment("tickets.pdf", new jakarta.mail.util.ByteArrayDataSource(pdf.content(),
                        pdf.contentType()));
            }
            message.setHeader("X-Inviteflow-Reminder", reminder.idempotencyKey());
            if (reminder.stopUrl() != null) {
                // RFC 2369 and RFC 8058: the mail client's own unsubscribe button, one POST to the link
                message.setHeader("List-Unsubscribe", "<" + reminder.stopUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build reminder " + reminder.idempotencyKey(), e);
        }
    }
}
