package io.inviteflow.batch.support;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP sender (GreenMail) that counts what it delivered and can be told to fail the k-th next mail, the way an
 * SMTP server refusing a message would: a {@link MailSendException}, nothing delivered.
 */
public class TestMailSender implements JavaMailSender {

    private final JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger countdown = new AtomicInteger();

    public TestMailSender(String host, int port) {
        smtp.setHost(host);
        smtp.setPort(port);
    }

    /** The {@code n}-th mail from now fails (1 = the next one); later mails go through again. */
    public void failOnNth(int n) {
        countdown.set(n);
    }

    public int delivered() {
        return delivered.get();
    }

    @Override
    public MimeMessage createMimeMessage() {
        return smtp.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
        return smtp.createMimeMessage(contentStream);
    }

    @Override
    public void send(MimeMessage mimeMessage) throws MailException {
        send(new MimeMessage[] {mimeMessage});
    }

    /** Like Spring's sender: every message is tried; the refused ones are reported together, by message. */
    @Override
    public void send(MimeMessage... mimeMessages) throws MailException {
        java.util.Map<Object, Exception> refused = new java.util.LinkedHashMap<>();
        java.util.List<MimeMessage> accepted = new java.util.ArrayList<>();
        for (MimeMessage message : mimeMessages) {
            if (countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                refused.put(message, new MailSendException("test: SMTP refused the message"));
            } else {
                accepted.add(message);
            }
        }
        if (!accepted.isEmpty()) {
            smtp.send(accepted.toArray(MimeMessage[]::new));
            delivered.addAndGet(accepted.size());
        }
        if (!refused.isEmpty()) {
            throw new MailSendException(refused);
        }
    }

    @Override
    public void send(SimpleMailMessage simpleMessage) throws MailException {
        throw new UnsupportedOperationException("reminders are MIME messages");
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) throws MailException {
        throw new UnsupportedOperationException("reminders are MIME messages");
    }
}
