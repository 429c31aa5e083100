package io.inviteflow.core.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The few mails the core sends itself, each the answer to something a person just did (a link that proves they read
 * their address: a sign-up, a request about their data). Everything else is mailed by batch-jobs.
 */
@Component
public class CoreMail {

    private final JavaMailSender sender;
    private final String from;

    CoreMail(JavaMailSender sender, @Value("${inviteflow.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** @throws org.springframework.mail.MailException when the mail server refused it or could not be reached */
    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
