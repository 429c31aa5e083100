package io.inviteflow.batch.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link Reminder} into the MIME message every job sends: plain text and HTML, the invitation's .ics and the
 * tickets' PDF when it has them, the ledger key as a header, and the one-click unsubscribe headers when the mail can
 * be stopped. One place, so a test mail from the console is built like the real one.
 */
public final class MailComposer {

    private final JavaMailSender mail;
    private final InternetAddress from;

    public MailComposer(JavaMailSender mail, InternetAddress from) {
        this.mail = mail;
        this.from = from;
    }

    /** @throws MailPreparationException when the mail cannot be built (an attachment cannot be fetched, a bad address) */
    public MimeMessage compose(Reminder reminder) {
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
