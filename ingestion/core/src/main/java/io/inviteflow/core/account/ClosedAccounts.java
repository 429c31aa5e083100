package io.inviteflow.core.account;

import io.inviteflow.core.security.PersonSecrets;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.security.TokenRevocations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What closing an account takes from the account itself, in the caller's transaction: its address, name and password,
 * every way to sign in (second factor, recovery codes, passkeys, links in mails, tokens issued), its roles, and the
 * secret its address and name were sealed under, so copies of the row in backups open no more. The row stays, closed,
 * for what points at it; its trail keeps what was done and when, not from where. The address may sign up again.
 */
@Component
public class ClosedAccounts {

    private final JdbcClient jdbc;
    private final OrganizerRepository organizers;
    private final PersonSecrets secrets;
    private final TokenRevocations revocations;
    private final SecurityAudit audit;
    private final Clock clock;

    ClosedAccounts(JdbcClient jdbc, OrganizerRepository organizers, PersonSecrets secrets,
                   TokenRevocations revocations, SecurityAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.organizers = organizers;
        this.secrets = secrets;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Waits for the account's row, so two closings (or a closing and a sign-up's uniqueness check) do not interleave.
     *
     * @return false when there is no such account or it is closed already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockOpen(UUID organizerId) {
        return jdbc.sql("SELECT closed_at IS NULL FROM organizer WHERE id = :id FOR UPDATE").param("id", organizerId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Closes the account, locked by {@link #lockOpen}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(UUID organizerId) {
        // the failed sign-ins counted against its address go before the index naming them
        jdbc.sql("""
                        DELETE FROM sign_in_throttle WHERE email_key =
                            (SELECT 'index:' || encode(email_index, 'hex') FROM organizer WHERE id = :id)""")
                .param("id", organizerId).update();
        organizers.forgetOtherWaysToSignIn(organizerId);
        for (String table : List.of("organizer_role", "email_verification", "password_reset")) {
            jdbc.sql("DELETE FROM " + table + " WHERE organizer_id = :id").param("id", organizerId).update();
        }
        jdbc.sql("""
                        UPDATE organizer SET email = NULL, email_normalized = NULL, name = NULL, email_sealed = NULL,
                               name_sealed = NULL, email_index = NULL, password_hash = '', closed_at = :now
                        WHERE id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("id", organizerId).update();
        secrets.destroy(List.of(PersonalText.organizerKey(organizerId)));
        jdbc.sql("UPDATE security_audit SET ip = NULL, detail = NULL WHERE organizer_id = :id")
                .param("id", organizerId).update();
        audit.record(organizerId, SecurityAudit.Action.ACCOUNT_CLOSED, null, null);
        revocations.revokeAll(organizerId);
    }
}
