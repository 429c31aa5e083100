package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.guestpage.GuestText;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.mail.CoreMail;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.security.GuestNames;
import io.inviteflow.core.security.LinkTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Guests' yes to an organizer's marketing mail, where the law asks for one first (an installation sets
 * {@code inviteflow.campaigns.mail-needs-consent}; elsewhere mail to an invited guest may go until they unsubscribe).
 * Double opt-in: an invitation's link is no proof of owning its mailbox (the organizer holds every link, a guest the
 * links of the friends they invite), so the page only asks for a link mailed to the invitation's address (three a
 * day), and opening that link records the yes. It counts for the address (by its invitations' person key, the
 * address's blind index) with that organizer, across their events;
 * kept with the time and the place it was given, and when and how it was withdrawn (a yes given again is a new row).
 * With consent needed, a campaign's mail reaches only addresses with a live yes ({@link #LIVE_SQL}).
 */
@Service
class MailConsents {

    /**
     * A live yes of invitation {@code i}'s person to the organizer given as SQL in {@code %s}; on {@code invitation i}.
     */
    static final String LIVE_SQL = """
            EXISTS (SELECT 1 FROM mail_consent mc JOIN invitation mi ON mi.id = mc.invitation_id
                    JOIN party_event me ON me.id = mi.party_event_id
                    WHERE mc.email_normalized = i.person_key AND mc.withdrawn_at IS NULL AND me.organizer_id = %s)""";
    static final int LINKS_PER_DAY = 3;
    static final Duration LINK_VALID = Duration.ofDays(3);

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final CoreMail mail;
    private final CoreProperties core;
    private final Clock clock;
    private final boolean needed;
    private final GuestNames names;

    MailConsents(JdbcClient jdbc, ActivityOutbox outbox, CoreMail mail, CoreProperties core, Clock clock,
                 GuestNames names, @Value("${inviteflow.campaigns.mail-needs-consent:false}") boolean needed) {
        this.jdbc = jdbc;
        this.names = names;
        this.outbox = outbox;
        this.mail = mail;
        this.core = core;
        this.clock = clock;
        this.needed = needed;
    }

    /** Whether campaigns' mail needs a yes here. */
    boolean needed() {
        return needed;
    }

    /**
     * SQL on {@code invitation i}: whether a campaign may mail the invitation's address, for the organizer given as
     * SQL.
     */
    String mailableSql(String organizer) {
        return "i.email_index IS NOT NULL" + (needed ? " AND " + LIVE_SQL.formatted(organizer) : "");
    }

    /**
     * @param hasAddress whether the invitation has an address to say yes for
     * @param optedOut   whether the address unsubscribed from all marketing (a yes would change nothing)
     */
    record State(boolean hasAddress, boolean given, boolean optedOut) {
    }

    State of(UUID invitationId) {
        return jdbc.sql("""
                        SELECT i.email_index IS NOT NULL, %s, NOT %s
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id WHERE i.id = :id"""
                        .formatted(LIVE_SQL.formatted("e.organizer_id"), CampaignAudience.NOT_OPTED_OUT))
                .param("id", invitationId)
                .query((rs, n) -> new State(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(new State(false, false, false));
    }

    enum Asked { MAILED, TOO_MANY, NO_ADDRESS, MAIL_SERVER_AWAY }

    /** Mails the invitation's address a link that records the yes; {@code t} words it in the guest's language. */
    @Transactional
    Asked ask(GuestAccess.Guest guest, String invitationToken, GuestText t) {
        // one invitation at a time: two requests at once cannot both pass the count
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('mail-consent:' || :id))")
                .param("id", guest.invitationId().toString()).query((java.sql.ResultSet rs) -> { });
        String email = jdbc.sql("SELECT " + GuestNames.addressColumns("") + " FROM invitation WHERE id = :id")
                .param("id", guest.invitationId())
                .query((rs, n) -> GuestNames.Named.withAddress(rs, guest.invitationId(), GuestNames.Guest::email))
                .optional().map(names::open).orElse(null);
        if (email == null) {
            return Asked.NO_ADDRESS;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("DELETE FROM mail_consent_request WHERE created_at < :dayAgo")
                .param("dayAgo", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
        long today = jdbc.sql("SELECT count(*) FROM mail_consent_request WHERE invitation_id = :id")
                .param("id", guest.invitationId()).query(Long.class).single();
        if (today >= LINKS_PER_DAY) {
            return Asked.TOO_MANY;
        }
        String code = LinkTokens.random();
        jdbc.sql("INSERT INTO mail_consent_request (token_hash, invitation_id, created_at, expires_at) "
                        + "VALUES (:hash, :id, :now, :expires)")
                .param("hash", LinkTokens.hash(code)).param("id", guest.invitationId()).param("now", now)
                .param("expires", Timestamp.from(clock.instant().plus(LINK_VALID))).update();
        try {
            mail.send(email, t.text("news.mailSubject"), t.text("news.mailBody",
                    core.publicUrl() + "/i/" + invitationToken + "/news/confirm?code=" + code));
            return Asked.MAILED;
        } catch (MailException e) {
            jdbc.sql("DELETE FROM mail_consent_request WHERE token_hash = :hash").param("hash", LinkTokens.hash(code))
                    .update();
            return Asked.MAIL_SERVER_AWAY;
        }
    }

    /** Whether {@code code} is a live link of this invitation (opening it only asks). */
    boolean pending(GuestAccess.Guest guest, String code) {
        return code != null && jdbc.sql("SELECT count(*) FROM mail_consent_request WHERE token_hash = :hash "
                        + "AND invitation_id = :id AND expires_at > :now")
                .param("hash", LinkTokens.hash(code)).param("id", guest.invitationId())
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /**
     * The yes, from the mailed link of this invitation, once; false for a link used, expired or another's. The link's
     * row stays until the day is over (it counts towards the three), spent by its expiry set to now.
     */
    @Transactional
    boolean confirm(GuestAccess.Guest guest, String code) {
        if (code == null || jdbc.sql("UPDATE mail_consent_request SET expires_at = :now WHERE token_hash = :hash "
                        + "AND invitation_id = :id AND expires_at > :now")
                .param("hash", LinkTokens.hash(code)).param("id", guest.invitationId())
                .param("now", Timestamp.from(clock.instant())).update() == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO mail_consent (invitation_id, email_normalized, given_at, source)
                        SELECT i.id, i.person_key, :at, 'invitation page, confirmed by mail' FROM invitation i
                        WHERE i.id = :id AND i.email_index IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM mail_consent c WHERE c.invitation_id = i.id
                                          AND c.withdrawn_at IS NULL)""")
                .param("id", guest.invitationId()).param("at", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** No more of this organizer's mail to the guest's address: every yes given for it on any of their events. */
    @Transactional
    void withdraw(GuestAccess.Guest guest, String via) {
        withdrawn(guest, via, jdbc.sql("""
                        UPDATE mail_consent c SET withdrawn_at = :at, withdrawn_via = :via
                        FROM invitation ci JOIN party_event ce ON ce.id = ci.party_event_id
                        WHERE c.invitation_id = ci.id AND c.withdrawn_at IS NULL
                          AND c.email_normalized = (SELECT person_key FROM invitation WHERE id = :id)
                          AND ce.organizer_id = (SELECT e.organizer_id FROM invitation g
                                                 JOIN party_event e ON e.id = g.party_event_id WHERE g.id = :id)""")
                .param("id", guest.invitationId()).param("via", via).param("at", Timestamp.from(clock.instant()))
                .update());
    }

    /** No more marketing at all (the stop link): every yes the address gave, to any organizer. */
    @Transactional
    void withdrawEverywhere(GuestAccess.Guest guest, String via) {
        withdrawn(guest, via, jdbc.sql("""
                        UPDATE mail_consent SET withdrawn_at = :at, withdrawn_via = :via
                        WHERE withdrawn_at IS NULL
                          AND email_normalized = (SELECT person_key FROM invitation WHERE id = :id)""")
                .param("id", guest.invitationId()).param("via", via).param("at", Timestamp.from(clock.instant()))
                .update());
    }

    private void withdrawn(GuestAccess.Guest guest, String via, int rows) {
        if (rows > 0) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.UNSUBSCRIBED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.Unsubscribed("mail", via)));
        }
    }
}
