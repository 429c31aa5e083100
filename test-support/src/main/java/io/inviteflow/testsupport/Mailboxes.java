package io.inviteflow.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a recipient's GreenMail mailbox over real IMAP (login = password = the address). */
public final class Mailboxes {

    /**
     * A received mail: subject, our reminder header, the text of its plain and HTML parts, its calendar attachment
     * (empty when it has none), its PDF attachment (empty when it has none), and its List-Unsubscribe and
     * List-Unsubscribe-Post headers (null when it has none).
     */
    public record Mail(String subject, String reminderKey, String text, String html, String calendar, byte[] pdf,
                       String listUnsubscribe, String listUnsubscribePost) {
    }

    private Mailboxes() {
    }

    public static List<Mail> inbox(String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(TestServers.smtpHost(), TestServers.imapPort(), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    String[] key = message.getHeader("X-Inviteflow-Reminder");
                    StringBuilder text = new StringBuilder();
                    StringBuilder html = new StringBuilder();
                    StringBuilder calendar = new StringBuilder();
                    java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
                    collect(message, text, html, calendar, pdf);
                    String[] unsubscribe = message.getHeader("List-Unsubscribe");
                    String[] oneClick = message.getHeader("List-Unsubscribe-Post");
                    mails.add(new Mail(message.getSubject(), key == null ? null : key[0], text.toString(),
                            html.toString(), calendar.toString(), pdf.toByteArray(),
                            unsubscribe == null ? null : unsubscribe[0], oneClick == null ? null : oneClick[0]));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError("cannot read the mailbox of " + address, e);
        }
    }

    /** Waits (bounded) until the mailbox holds at least {@code atLeast} mails, then returns all of them. */
    public static List<Mail> awaitInbox(String address, int atLeast, Duration timeout) {
        return awaitInbox(address, mail -> true, atLeast, timeout);
    }

    /** Waits (bounded) until the mailbox holds at least {@code atLeast} mails that match, then returns those. */
    public static List<Mail> awaitInbox(String address, java.util.function.Predicate<Mail> which, int atLeast,
                                        Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Mail> mails = List.of();
        while (true) {
            try {
                mails = inbox(address).stream().filter(which).toList();
            } catch (AssertionError unreadable) {
                // the mail server dropped a login now and then under load: asked again until the deadline
                if (System.nanoTime() >= deadline) {
                    throw unreadable;
                }
            }
            if (mails.size() >= atLeast || System.nanoTime() >= deadline) {
                return mails;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The mails of one campaign (their ledger key names it). */
    public static java.util.function.Predicate<Mail> ofCampaign(String campaignId) {
        return m -> m.reminderKey() != null && m.reminderKey().startsWith("campaign/" + campaignId + "/");
    }

    /** Mails whose subject starts with {@code prefix}. */
    public static java.util.function.Predicate<Mail> subject(String prefix) {
        return mail -> mail.subject() != null && mail.subject().startsWith(prefix);
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, StringBuilder calendar,
                                java.io.ByteArrayOutputStream pdf) throws MessagingException, IOException {
        if (part.isMimeType("application/pdf")) {
            pdf.writeBytes(part.getInputStream().readAllBytes());
        } else if (part.isMimeType("text/calendar")) {
            calendar.append(new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html, calendar, pdf);
            }
        }
    }
}
