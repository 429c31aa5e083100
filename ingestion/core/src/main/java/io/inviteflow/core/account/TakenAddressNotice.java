package io.inviteflow.core.account;

import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.security.SecurityAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.UUID;

/**
 * A sign-up with an address that already has an account is answered like any other (see
 * {@link AccountController#signUp}); the address's owner learns of it by mail instead, three times a day at most, so
 * sign-ups cannot be used to flood a mailbox. Each attempt is on the account's audit trail. Runs after the answer
 * ({@link AccountMail}).
 */
@Component
class TakenAddressNotice {

    static final int MAILS_PER_DAY = 3;
    private static final Logger log = LoggerFactory.getLogger(TakenAddressNotice.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityAudit audit;
    private final CoreMail mail;

    TakenAddressNotice(JdbcClient jdbc, TransactionTemplate transactions, SecurityAudit audit, CoreMail mail) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.mail = mail;
    }

    /** @param ip the address the sign-up came from, for the trail */
    void tell(UUID organizerId, String email, String ip) {
        boolean mailIt = Boolean.TRUE.equals(transactions.execute(status -> {
            // one account at a time: two attempts at once cannot both pass the count
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('taken-address:' || :id))")
                    .param("id", organizerId.toString()).query((java.sql.ResultSet rs) -> { });
            long today = audit.count(organizerId, SecurityAudit.Action.SIGN_UP_TO_TAKEN_ADDRESS, Duration.ofDays(1));
            audit.record(organizerId, SecurityAudit.Action.SIGN_UP_TO_TAKEN_ADDRESS, null, ip);
            return today < MAILS_PER_DAY;
        }));
        if (!mailIt) {
            return;
        }
        try {
            // nothing the person signing up typed goes into it, as with the address confirmation
            mail.send(email, "Someone tried to sign up with your address", """
                    Hello,

                    someone tried to create an Inviteflow account with this address, which already has one. No
                    account was created and nothing about yours changed.

                    If it was you: sign in to the Inviteflow console with the password you chose when you signed up;
                    if you forgot it, choose "Forgot password" on the console's sign-in page.
                    If it was not you: nothing to do; the attempt is on your account's security trail.
                    """);
        } catch (MailException e) {
            log.warn("the notice of a sign-up to the address of organizer {} was not sent: {}", organizerId,
                    e.getMessage());
        }
    }
}
