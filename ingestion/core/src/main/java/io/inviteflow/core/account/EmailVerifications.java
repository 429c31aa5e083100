package io.inviteflow.core.account;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.scheduling.BatchPoller;
import io.inviteflow.core.security.LinkTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that an organizer reads the address they signed up with: a link mailed at sign-up (and again on request, three
 * times a day at most) that works once, for three days, with the account's password (the mailbox's owner must also be
 * the account's: someone who signed up first with another's address cannot have them confirm it). Signing in waits
 * for it ({@link SignIn}; accounts of releases before V43 excepted), and so does what must trust an address (the
 * configured admins, {@link io.inviteflow.core.security.Roles}).
 */
@Component
class EmailVerifications extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(EmailVerifications.class);
    private static final Duration VALID = Duration.ofDays(3);
    private static final int LINKS_PER_DAY = 3;

    private final JdbcClient jdbc;
    private final CoreMail mail;
    private final CoreProperties core;
    private final Clock clock;
    private final OrganizerRepository organizers;
    private final TransactionTemplate transactions;

    EmailVerifications(JdbcClient jdbc, CoreMail mail, CoreProperties core, Clock clock,
                       OrganizerRepository organizers, TransactionTemplate transactions) {
        super("email-verification-purge", 10_000);
        this.jdbc = jdbc;
        this.mail = mail;
        this.core = core;
        this.clock = clock;
        this.organizers = organizers;
        this.transactions = transactions;
    }

    enum Sent {
        SENT, TOO_MANY, MAIL_SERVER_AWAY;

        /** Whether trying again later would change nothing: the link went, or the day's links are used up. */
        boolean settled() {
            return this != MAIL_SERVER_AWAY;
        }
    }

    /**
     * Mails a new link, three a day at most. The link is stored (committed) before it is mailed: a person quicker than
     * the commit would otherwise open a link that does not work yet.
     */
    Sent send(UUID organizerId, String email) {
        String token = LinkTokens.random();
        boolean stored = Boolean.TRUE.equals(transactions.execute(status -> {
            // one account at a time: two requests at once cannot both pass the count
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('email-verification:' || :id))")
                    .param("id", organizerId.toString()).query((java.sql.ResultSet rs) -> { });
            long today = jdbc.sql("SELECT count(*) FROM email_verification WHERE organizer_id = :id "
                            + "AND created_at >= :since")
                    .param("id", organizerId).param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                    .query(Long.class).single();
            if (today >= LINKS_PER_DAY) {
                return false;
            }
            jdbc.sql("INSERT INTO email_verification (token_hash, organizer_id, expires_at) "
                            + "VALUES (:hash, :id, :expires)")
                    .param("hash", LinkTokens.hash(token)).param("id", organizerId)
                    .param("expires", Timestamp.from(clock.instant().plus(VALID))).update();
            return true;
        }));
        if (!stored) {
            return Sent.TOO_MANY;
        }
        try {
            // nothing the person signing up typed goes into it: sign-up must not mail anyone someone else's words
            mail.send(email, "Confirm your Inviteflow address", """
                    Hello,

                    please confirm that this is the address of your Inviteflow account by opening this link (it works
                    for three days) and signing in with the account's password there:

                    %s/verify-email/%s

                    If you did not sign up at Inviteflow, ignore this mail: nothing happens.
                    """.formatted(core.publicUrl(), token));
            return Sent.SENT;
        } catch (MailException e) {
            log.warn("the address confirmation for organizer {} was not sent: {}", organizerId, e.getMessage());
            jdbc.sql("DELETE FROM email_verification WHERE token_hash = :hash").param("hash", LinkTokens.hash(token))
                    .update();
            return Sent.MAIL_SERVER_AWAY;
        }
    }

    /** A live link's account: its id and address. */
    record Pending(UUID organizerId, String email) {
    }

    Optional<Pending> pending(String token) {
        return jdbc.sql("SELECT organizer_id FROM email_verification WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).optional().flatMap(organizers::find)
                .map(account -> new Pending(account.id(), account.email()));
    }

    /**
     * Confirms the address of a live link, once; false for a link used, expired or unknown. The caller has checked the
     * account's password: the link alone proves the mailbox, not that its owner made this account.
     */
    boolean confirm(String token) {
        return jdbc.sql("""
                        WITH used AS (DELETE FROM email_verification WHERE token_hash = :hash AND expires_at > :now
                                      RETURNING organizer_id)
                        UPDATE organizer SET email_verified_at = coalesce(email_verified_at, :now)
                        WHERE id IN (SELECT organizer_id FROM used)""")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    @Override
    protected int round() {
        return jdbc.sql("DELETE FROM email_verification WHERE expires_at <= :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    protected Duration interval() {
        return Duration.ofHours(1);
    }

    boolean verified(UUID organizerId) {
        return organizers.addressConfirmed(organizerId);
    }
}
