package io.inviteflow.core.account;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.security.SecurityAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.UUID;

/**
 * A sign-up with an address that already has an account is answered like any other (see
 * {@link AccountController#signUp}); the address's owner learns of it by mail instead, three times a day at most, so
 * sign-ups cannot be used to flood a mailbox. Each attempt is on the account's audit trail.
 */
@Component
class TakenAddressNotice {

    static final int MAILS_PER_DAY = 3;
    private static final Logger log = LoggerFactory.getLogger(TakenAddressNotice.class);

    private final JdbcClient jdbc;
    private final SecurityAudit audit;
    private final CoreMail mail;
    private final CoreProperties core;

    TakenAddressNotice(JdbcClient jdbc, SecurityAudit audit, CoreMail mail, CoreProperties core) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.mail = mail;
        this.core = core;
    }

    @Transactional
    void tell(UUID organizerId, String email) {
        // one account at a time: two attempts at once cannot both pass the count
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('taken-address:' || :id))").param("id", organizerId.toString())
                .query((java.sql.ResultSet rs) -> { });
        long today = audit.count(organizerId, SecurityAudit.Action.SIGN_UP_TO_TAKEN_ADDRESS, Duration.ofDays(1));
        audit.record(organizerId, SecurityAudit.Action.SIGN_UP_TO_TAKEN_ADDRESS, null);
        if (today >= MAILS_PER_DAY) {
            return;
        }
        try {
            // nothing the person signing up typed goes into it, as with the address confirmation
            mail.send(email, "Someone tried to sign up with your address", """
                    Hello,

                    someone tried to create an Inviteflow account with this address, which already has one. No
                    account was created and nothing about yours changed.

                    If it was you: sign in at %s with the password you chose when you signed up.
                    If it was not you: nothing to do; the attempt is on your account's security trail.
                    """.formatted(core.publicUrl()));
        } catch (MailException e) {
            log.warn("the notice of a sign-up to the address of organizer {} was not sent: {}", organizerId,
                    e.getMessage());
        }
    }
}
