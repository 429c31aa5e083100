package io.inviteflow.batch.reminder;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Mails each reminder at most once, then reports it as REMINDER_SENT on Kafka.
 * <p>
 * The chunk's reminders go out in a few groups side by side ({@link MailSends}), each group over one SMTP connection
 * (a connection's set-up — greeting, EHLO, TLS and login with a real relay — costs more than a message). Per
 * reminder: (1) claim it in {@code reminder_delivery}, committed on its own BEFORE anything is sent; only the caller
 * whose claim won sends; (2) send the mail; (3) mark it {@code sent}, or {@code failed} when the server refused it.
 * After the chunk's mails: publish the activities and mark them {@code published}.
 * <p>
 * Trade-off, deliberately at most once: if the process dies between (1) and (3) — for a group, during its SMTP
 * conversation — the rows stay {@code claimed}; we cannot know whether the mails left, so they are NOT resent — it is counted and reported at the end of the step
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
    private final MailComposer composer;
    private final long jobExecutionId;
    private final Executor sends;
    private final int groups;

    public ReminderWriter(ReminderDeliveries deliveries, JavaMailSender mail, ReminderActivities activities,
                          InternetAddress from, long jobExecutionId, MailSends sends) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.activities = activities;
        this.composer = new MailComposer(mail, from);
        this.jobExecutionId = jobExecutionId;
        this.sends = sends.executor();
        this.groups = sends.parallel();
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

    /** What one group's SMTP conversation came to. */
    private record GroupOutcome(List<ReminderActivities.Sent> toPublish, List<Reminder> refused,
                                MailException firstRefusal, RuntimeException failure) {
    }

    private Delivered deliverAll(List<? extends Reminder> reminders) {
        List<CompletableFuture<GroupOutcome>> outcomes = split(reminders).stream()
                .map(group -> CompletableFuture.supplyAsync(() -> deliverGroup(group), sends))
                .toList();
        List<ReminderActivities.Sent> toPublish = new ArrayList<>();
        List<Reminder> refused = new ArrayList<>();
        MailException firstRefusal = null;
        RuntimeException failure = null;
        for (CompletableFuture<GroupOutcome> future : outcomes) {
            GroupOutcome outcome = future.join();
            toPublish.addAll(outcome.toPublish());
            refused.addAll(outcome.refused());
            firstRefusal = firstRefusal == null ? outcome.firstRefusal() : firstRefusal;
            failure = failure == null ? outcome.failure() : failure;
        }
        activities.publish(toPublish);
        this.deliveries.markPublished(toPublish);
        if (failure != null) {
            throw failure;
        }
        return new Delivered(refused, firstRefusal);
    }

    /** Up to {@link #groups} runs of consecutive reminders. */
    private List<List<Reminder>> split(List<? extends Reminder> reminders) {
        int size = Math.max(1, (reminders.size() + groups - 1) / groups);
        List<List<Reminder>> split = new ArrayList<>();
        for (int from = 0; from < reminders.size(); from += size) {
            split.add(new ArrayList<>(reminders.subList(from, Math.min(reminders.size(), from + size))));
        }
        return split;
    }

    /**
     * Builds the group's mails, claims them (one statement), sends the ones it won over one connection and marks them sent or failed
     * by the server's answer to it. Building comes first (it only reads), so the claims are held only for the SMTP
     * conversation; a failure before the conversation (the ledger, a mail that cannot be built) marks whatever this
     * group claimed failed, since none of it was sent.
     */
    private GroupOutcome deliverGroup(List<Reminder> group) {
        List<ReminderActivities.Sent> toPublish = new ArrayList<>();
        List<Reminder> claimed = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        List<Reminder> refused = new ArrayList<>();
        MailException firstRefusal = null;
        boolean handedOver = false;
        try {
            List<MimeMessage> built = new ArrayList<>();
            List<MailException> unbuildable = new ArrayList<>();
            for (Reminder reminder : group) {
                try {
                    built.add(composer.compose(reminder));
                    unbuildable.add(null);
                } catch (MailException e) {
                    built.add(null);
                    unbuildable.add(e);
                }
            }
            List<ReminderDeliveries.Claim> claims = deliveries.claimAll(group, jobExecutionId);
            for (int i = 0; i < group.size(); i++) {
                Reminder reminder = group.get(i);
                switch (claims.get(i)) {
                    case CLAIMED -> {
                        if (unbuildable.get(i) == null) {
                            claimed.add(reminder);
                            messages.add(built.get(i));
                        } else {
                            deliveries.markFailed(reminder, unbuildable.get(i).toString()); // nothing was sent
                            refused.add(reminder);
                            firstRefusal = firstRefusal == null ? unbuildable.get(i) : firstRefusal;
                        }
                    }
                    case SENT_NOT_PUBLISHED -> toPublish.add(ReminderActivities.Sent.of(reminder));
                    case IN_DOUBT -> log.warn("reminder {} is in doubt (claimed, never confirmed sent): not resending",
                            reminder.idempotencyKey());
                    case DONE -> log.debug("reminder {} already sent", reminder.idempotencyKey());
                }
            }
            handedOver = true;
            Map<Object, Exception> failed = send(messages);
            List<Reminder> sent = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                Reminder reminder = claimed.get(i);
                Exception refusal = failed.get(messages.get(i));
                if (refusal == null) {
                    sent.add(reminder);
                    toPublish.add(ReminderActivities.Sent.of(reminder));
                } else {
                    // refused, or the connection was lost before it: not delivered, so a later run may send it
                    deliveries.markFailed(reminder, refusal.toString());
                    refused.add(reminder);
                    MailException asMail = refusal instanceof MailException m ? m
                            : new MailSendException(refusal.getMessage(), refusal);
                    firstRefusal = firstRefusal == null ? asMail : firstRefusal;
                }
            }
            deliveries.markAllSent(sent);
            return new GroupOutcome(toPublish, refused, firstRefusal, null);
        } catch (RuntimeException e) {
            if (!handedOver) {
                // claimed but never handed to the mail server; once handed over, what is not marked stays in doubt
                releaseUnsent(claimed, e);
            }
            return new GroupOutcome(toPublish, refused, firstRefusal, e);
        }
    }

    /** Best effort: rows this group claimed and did not send go back to failed, so a later run sends them. */
    private void releaseUnsent(List<Reminder> claimed, RuntimeException cause) {
        for (Reminder reminder : claimed) {
            try {
                deliveries.markFailed(reminder, "not sent: " + cause);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Sends the messages over one connection; those the server did not take, with why. Spring's sender tries every
     * message and reports the refused ones by message (a connection lost midway: the rest); a {@link MailSendException}
     * without any is a failure to close the connection after every message was accepted. A failed login refuses them
     * all — if the connection dropped midway and the new login failed, the ones before it were sent and will be sent
     * again: the one case of a second mail, chosen over losing every mail of a relay whose password is wrong.
     */
    private Map<Object, Exception> send(List<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            mail.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            return e.getFailedMessages();
        } catch (MailException e) {
            return everyOne(messages, e);
        }
    }

    private static Map<Object, Exception> everyOne(List<MimeMessage> messages, MailException e) {
        Map<Object, Exception> all = new java.util.IdentityHashMap<>();
        messages.forEach(m -> all.put(m, e));
        return all;
    }
}
