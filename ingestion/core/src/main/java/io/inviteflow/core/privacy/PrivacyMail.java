package io.inviteflow.core.privacy;

import io.inviteflow.core.guestpage.GuestText;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The mail with the link that confirms a guest's own request, in the language of the page they asked from. */
@Component
class PrivacyMail {

    private final JavaMailSender mail;
    private final PrivacyProperties properties;

    PrivacyMail(JavaMailSender mail, PrivacyProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** @throws MailException when the mail server refused it or could not be reached */
    void sendConfirmation(String to, String kind, String link, GuestText t) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(t.text("privacy.mailSubject." + kind));
        message.setText(t.text("privacy.mailBody." + kind, to, link));
        mail.send(message);
    }
}
