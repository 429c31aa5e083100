package io.inviteflow.core.account;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.security.LinkTokens;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.security.TokenRevocations;
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
 * A new password for an organizer who forgot theirs: a link mailed to the account's address (three a day at most; a
 * link the mail server refused does not count) that works once, for an hour. Asking answers at once, with or without
 * an account behind the address: the link is made and mailed after the answer ({@link AccountMail}), so neither the
 * answer nor its time tells whether an address has an account. Choosing the new password signs out every token of
 * the account and lifts a lock on its sign-ins (the mailbox is proof enough); a second factor, when on, is still asked
 * at the next sign-in.
 */
@Component
class PasswordResets {

    static final int LINKS_PER_DAY = 3;
    static final Duration VALID = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OrganizerRepository organizers;
    private final TokenRevocations revocations;
    private final SecurityAudit audit;
    private final CoreMail mail;
    private final CoreProperties core;
    private final Clock clock;
    private final AccountMail accountMail;
    private final SignInThrottle throttle;

    PasswordResets(JdbcClient jdbc, TransactionTemplate transactions, OrganizerRepository organizers,
                   TokenRevocations revocations, SecurityAudit audit, CoreMail mail, CoreProperties core,
                   Clock clock, AccountMail accountMail, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.organizers = organizers;
        this.revocations = revocations;
        this.audit = audit;
        this.mail = mail;
        this.core = core;
        this.clock = clock;
        this.accountMail = accountMail;
        this.throttle = throttle;
    }

    /** Mails a link if an account has this address; returns at once either way. */
    void request(String email) {
        String ip = SecurityAudit.clientAddress();
        accountMail.later("a password reset link", () -> organizers.findCredentials(email)
                .ifPresent(owner -> mailLink(owner.id(), owner.email(), ip)));
    }

    private void mailLink(UUID organizerId, String email, String ip) {
        String token = LinkTokens.random();
        boolean made = Boolean.TRUE.equals(transactions.execute(status -> {
            // one account at a time: two requests at once cannot both pass the count
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('password-reset:' || :id))")
                    .param("id", organizerId.toString()).query((java.sql.ResultSet rs) -> { });
            Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
            jdbc.sql("DELETE FROM password_reset WHERE created_at < :dayAgo").param("dayAgo", dayAgo).update();
            long today = jdbc.sql("SELECT count(*) FROM password_reset WHERE organizer_id = :id")
                    .param("id", organizerId).query(Long.class).single();
            if (today >= LINKS_PER_DAY) {
                return false;
            }
            audit.record(organizerId, SecurityAudit.Action.PASSWORD_RESET_ASKED, null, ip);
            jdbc.sql("INSERT INTO password_reset (token_hash, organizer_id, created_at, expires_at) "
                            + "VALUES (:hash, :id, :now, :expires)")
                    .param("hash", LinkTokens.hash(token)).param("id", organizerId)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("expires", Timestamp.from(clock.instant().plus(VALID))).update();
            return true;
        }));
        if (!made) {
            return;
        }
        try {
            mail.send(email, "Choose a new Inviteflow password", """
                    Hello,

                    someone asked for a new password for the Inviteflow account of this address. If it was you, open
                    this link (it works once, within an hour) and choose one:

                    %s/reset-password/%s

                    If it was not you, ignore this mail: your password stays as it is.
                    """.formatted(core.publicUrl(), token));
        } catch (MailException e) {
            log.warn("the password reset link for organizer {} was not sent: {}", organizerId, e.getMessage());
            // a link nobody received is no use, and must not count towards the day's three
            jdbc.sql("DELETE FROM password_reset WHERE token_hash = :hash").param("hash", LinkTokens.hash(token))
                    .update();
        }
    }

    /**
     * The account's address was never confirmed, so whoever made it may not own the mailbox (an account of a release
     * before V43 signed in unconfirmed): the mailbox's owner takes it over with the reset, and what that maker may
     * have set up to keep a way in or to read what comes goes — the app, recovery codes and passkeys, the webhooks
     * (URLs of theirs that would receive the owner's guests' answers), the account's team and its pending invitations.
     */
    private void forgetWhatTheMakerSetUp(UUID id) {
        int removed = organizers.forgetOtherWaysToSignIn(id);
        removed += jdbc.sql("UPDATE webhook_endpoint SET active = false WHERE organizer_id = :id AND active")
                .param("id", id).update();
        removed += jdbc.sql("DELETE FROM team_member WHERE owner_id = :id").param("id", id).update();
        removed += jdbc.sql("""
                        UPDATE team_invite SET withdrawn_at = now(), email = NULL, email_sealed = NULL,
                               email_index = NULL
                        WHERE owner_id = :id AND accepted_at IS NULL AND withdrawn_at IS NULL""")
                .param("id", id).update();
        if (removed > 0) {
            audit.record(id, SecurityAudit.Action.RECLAIMED_BY_RESET, "two-factor sign-in, passkeys, webhooks and "
                    + "team of the account before the reset removed");
        }
    }

    /** The address of a live link's account. */
    Optional<String> addressOf(String token) {
        return jdbc.sql("SELECT organizer_id FROM password_reset "
                        + "WHERE token_hash = :hash AND expires_at > :now AND used_at IS NULL")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).optional().flatMap(organizers::find).map(Organizer::email);
    }

    /**
     * Sets the password of a live link's account, once: the link and the account's other links are spent, every
     * token issued before is revoked, a lock on its sign-ins lifted, and the address counts as confirmed. False for a link used, expired or unknown.
     */
    boolean reset(String token, String passwordHash) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<UUID> organizerId = jdbc.sql("UPDATE password_reset SET used_at = :now WHERE token_hash = :hash "
                            + "AND expires_at > :now AND used_at IS NULL RETURNING organizer_id")
                    .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                    .query(UUID.class).optional();
            if (organizerId.isEmpty()) {
                return false;
            }
            UUID id = organizerId.get();
            if (organizers.resetPassword(id, passwordHash, clock.instant())) {
                forgetWhatTheMakerSetUp(id);
            }
            jdbc.sql("UPDATE password_reset SET used_at = :now WHERE organizer_id = :id AND used_at IS NULL")
                    .param("id", id).param("now", Timestamp.from(clock.instant())).update();
            revocations.revokeAll(id);
            organizers.findCredentials(id).ifPresent(o -> throttle.succeeded(o.email()));
            audit.record(id, SecurityAudit.Action.PASSWORD_RESET, null);
            return true;
        }));
    }
}
