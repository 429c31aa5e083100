package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Guests' yes to an organizer's marketing mail, where the law asks for one first (an installation sets
 * {@code inviteflow.campaigns.mail-needs-consent}; elsewhere mail to an invited guest may go until they unsubscribe).
 * Given on an invitation's page, it counts for the address with that organizer, across their events; kept with the
 * time and the place it was given, and when and how it was withdrawn. With consent needed, a campaign's mail
 * reaches only addresses with a live yes ({@link #LIVE_SQL}).
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

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final Clock clock;
    private final boolean needed;

    MailConsents(JdbcClient jdbc, ActivityOutbox outbox, Clock clock,
                 @Value("${inviteflow.campaigns.mail-needs-consent:false}") boolean needed) {
        this.jdbc = jdbc;
        this.outbox = outbox;
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
        return "i.guest_email IS NOT NULL" + (needed ? " AND " + LIVE_SQL.formatted(organizer) : "");
    }

    /** @param hasAddress whether the invitation has an address to say yes for */
    record State(boolean hasAddress, boolean given) {
    }

    State of(UUID invitationId) {
        return jdbc.sql("""
                        SELECT i.guest_email IS NOT NULL, %s
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id WHERE i.id = :id"""
                        .formatted(LIVE_SQL.formatted("e.organizer_id")))
                .param("id", invitationId)
                .query((rs, n) -> new State(rs.getBoolean(1), rs.getBoolean(2)))
                .optional().orElse(new State(false, false));
    }

    /** Yes to the organizer's mail at the invitation's address, from {@code source}; false without an address. */
    @Transactional
    boolean give(GuestAccess.Guest guest, String source) {
        return jdbc.sql("""
                        INSERT INTO mail_consent (invitation_id, email_normalized, given_at, source)
                        SELECT i.id, i.person_key, :at, :source FROM invitation i
                        WHERE i.id = :id AND i.guest_email IS NOT NULL
                        ON CONFLICT (invitation_id) DO UPDATE SET email_normalized = EXCLUDED.email_normalized,
                            given_at = EXCLUDED.given_at, source = EXCLUDED.source, withdrawn_at = NULL,
                            withdrawn_via = NULL""")
                .param("id", guest.invitationId()).param("source", source)
                .param("at", Timestamp.from(clock.instant())).update() > 0;
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
