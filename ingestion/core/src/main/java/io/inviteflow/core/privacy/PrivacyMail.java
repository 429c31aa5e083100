package io.inviteflow.core.privacy;

import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.mail.CoreMail;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/** The mail with the link that confirms a guest's own request, in the language of the page they asked from. */
@Component
class PrivacyMail {

    private final CoreMail mail;

    PrivacyMail(CoreMail mail) {
        this.mail = mail;
    }

    /** @throws MailException when the mail server refused it or could not be reached */
    void sendConfirmation(String to, String kind, String link, GuestText t) {
        mail.send(to, t.text("privacy.mailSubject." + kind), t.text("privacy.mailBody." + kind, to, link));
    }
}
