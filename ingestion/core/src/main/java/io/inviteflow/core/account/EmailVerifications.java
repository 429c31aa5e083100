package io.inviteflow.core.account;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.security.LinkTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that an organizer reads the address they signed up with: a link mailed at sign-up (and again on request, three
 * times a day at most) that works once, for three days. Signing up does not wait for it; what must trust an address
 * does (the configured admins, {@link io.inviteflow.core.security.Roles}).
 */
@Component
class EmailVerifications {

    private static final Logger log = LoggerFactory.getLogger(EmailVerifications.class);
    private static final Duration VALID = Duration.ofDays(3);
    private static final int LINKS_PER_DAY = 3;

    private final JdbcClient jdbc;
    private final CoreMail mail;
    private final CoreProperties core;
    private final Clock clock;

    EmailVerifications(JdbcClient jdbc, CoreMail mail, CoreProperties core, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.core = core;
        this.clock = clock;
    }

    /** Mails a new link; false when the day's links are used up, or the mail server did not take it (logged). */
    boolean send(UUID organizerId, String email, String name) {
        long today = jdbc.sql("SELECT count(*) FROM email_verification WHERE organizer_id = :id AND created_at >= :since")
                .param("id", organizerId).param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .query(Long.class).single();
        if (today >= LINKS_PER_DAY) {
            return false;
        }
        String token = LinkTokens.random();
        jdbc.sql("INSERT INTO email_verification (token_hash, organizer_id, expires_at) VALUES (:hash, :id, :expires)")
                .param("hash", LinkTokens.hash(token)).param("id", organizerId)
                .param("expires", Timestamp.from(clock.instant().plus(VALID))).update();
        try {
            mail.send(email, "Confirm your Inviteflow address", """
                    Hello %s,

                    please confirm that this is your address by opening this link (it works for three days):

                    %s/verify-email/%s

                    If you did not sign up at Inviteflow, ignore this mail: nothing happens.
                    """.formatted(name, core.publicUrl(), token));
            return true;
        } catch (MailException e) {
            log.warn("the address confirmation for organizer {} was not sent: {}", organizerId, e.getMessage());
            return false;
        }
    }

    /** The address a live link would confirm (the page that asks first). */
    Optional<String> addressOf(String token) {
        return jdbc.sql("SELECT o.email FROM email_verification v JOIN organizer o ON o.id = v.organizer_id "
                        + "WHERE v.token_hash = :hash AND v.expires_at > :now")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query(String.class).optional();
    }

    /** Confirms the address of a live link, once; false for a link used, expired or unknown. */
    boolean confirm(String token) {
        return jdbc.sql("""
                        WITH used AS (DELETE FROM email_verification WHERE token_hash = :hash AND expires_at > :now
                                      RETURNING organizer_id)
                        UPDATE organizer SET email_verified_at = coalesce(email_verified_at, :now)
                        WHERE id IN (SELECT organizer_id FROM used)""")
                .param("hash", LinkTokens.hash(token)).param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    boolean verified(UUID organizerId) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM organizer WHERE id = :id").param("id", organizerId)
                .query(Boolean.class).optional().orElse(false);
    }
}
