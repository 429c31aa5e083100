package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Guests' yes to marketing texts. Mail to an invited guest may go until they unsubscribe; a text may go only to a
 * number whose owner said yes to texts (the law in most places where texting costs the recipient or wakes them), so a
 * campaign's SMS channel reaches only those ({@link MobileNumbers#TEXTABLE_SQL}). Kept with the number, the time and
 * the place it was given, and when and how it was withdrawn.
 */
@Service
class SmsConsents {

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;

    SmsConsents(JdbcClient jdbc, ActivityOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * The guest's number as texts would go to it, and whether they said yes to texts.
     *
     * @param phone E.164, or null: the invitation has no number with its country code (nothing to ask)
     */
    record State(String phone, boolean given) {
    }

    State of(UUID invitationId) {
        return jdbc.sql("""
                        SELECT i.guest_phone, c.phone = %s AND c.withdrawn_at IS NULL AS live
                        FROM invitation i LEFT JOIN sms_consent c ON c.invitation_id = i.id
                        WHERE i.id = :id""".formatted(MobileNumbers.DIGITS_SQL))
                .param("id", invitationId)
                .query((rs, n) -> {
                    String phone = MobileNumbers.e164(rs.getString(1));
                    return new State(phone, phone != null && rs.getBoolean(2));
                })
                .optional().orElse(new State(null, false));
    }

    /** Yes to texts at the invitation's number, from {@code source}; given again after a withdrawal, it counts anew. */
    @Transactional
    Optional<String> give(GuestAccess.Guest guest, String source) {
        String phone = of(guest.invitationId()).phone();
        if (phone == null) {
            return Optional.empty();
        }
        // kept as the number was written, reduced to + and digits: what the audience compares it with
        jdbc.sql("""
                        INSERT INTO sms_consent (invitation_id, phone, given_at, source)
                        SELECT i.id, %s, :at, :source FROM invitation i WHERE i.id = :id
                        ON CONFLICT (invitation_id) DO UPDATE SET phone = EXCLUDED.phone, given_at = EXCLUDED.given_at,
                            source = EXCLUDED.source, withdrawn_at = NULL, withdrawn_via = NULL"""
                        .formatted(MobileNumbers.DIGITS_SQL))
                .param("id", guest.invitationId()).param("source", source)
                .param("at", java.sql.Timestamp.from(Instant.now())).update();
        return Optional.of(phone);
    }

    /**
     * No more texts to the guest's number from this organizer: every yes given for it on any of their invitations
     * (a guest invited to several events said yes on each page, and one no means no). Once: a second stop changes
     * nothing and tells nobody again.
     */
    @Transactional
    void withdraw(GuestAccess.Guest guest, String via) {
        withdrawn(guest, via, jdbc.sql("""
                        UPDATE sms_consent c SET withdrawn_at = now(), withdrawn_via = :via
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                        WHERE c.invitation_id = i.id AND c.withdrawn_at IS NULL
                          AND (c.invitation_id = :id OR c.phone = :phone
                               AND e.organizer_id = (SELECT o.organizer_id FROM invitation g
                                                     JOIN party_event o ON o.id = g.party_event_id WHERE g.id = :id))""")
                .param("id", guest.invitationId()).param("via", via).param("phone", numberOf(guest))
                .update());
    }

    /** No more marketing at all (the stop link): no more texts to the number from any organizer either. */
    @Transactional
    void withdrawEverywhere(GuestAccess.Guest guest, String via) {
        withdrawn(guest, via, jdbc.sql("""
                        UPDATE sms_consent SET withdrawn_at = now(), withdrawn_via = :via
                        WHERE withdrawn_at IS NULL AND (invitation_id = :id OR phone = :phone)""")
                .param("id", guest.invitationId()).param("via", via).param("phone", numberOf(guest)).update());
    }

    /** The guest's number as consents keep it (+ and digits as written); one that matches nothing when none. */
    private String numberOf(GuestAccess.Guest guest) {
        return jdbc.sql("SELECT " + MobileNumbers.DIGITS_SQL + " FROM invitation i WHERE i.id = :id")
                .param("id", guest.invitationId()).query(String.class).optional().filter(p -> !p.isEmpty())
                .orElse("none");
    }

    private void withdrawn(GuestAccess.Guest guest, String via, int rows) {
        if (rows > 0) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.UNSUBSCRIBED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.Unsubscribed("sms", via)));
        }
    }
}
