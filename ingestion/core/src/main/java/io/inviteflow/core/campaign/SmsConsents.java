package io.inviteflow.core.campaign;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.GuestNames;
import io.inviteflow.core.security.PhoneNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Guests' yes to marketing texts. Mail to an invited guest may go until they unsubscribe; a text may go only to a
 * number whose owner said yes to texts (the law in most places where texting costs the recipient or wakes them), so a
 * campaign's SMS channel reaches only those ({@link #textableSql}). Kept with the number, the time and the place it
 * was given, when the phone itself confirmed it (texting YES), and when and how it was withdrawn (also by a STOP
 * texted back).
 */
@Service
class SmsConsents {

    /** How a yes withdrawn by a STOP texted from the phone is marked: START undoes those alone. */
    static final String STOPPED_BY_TEXT = "sms-stop";

    private final JdbcClient jdbc;
    private final ActivityOutbox outbox;
    private final boolean needsConfirmation;
    private final GuestNames names;
    private final BlindIndex index;

    /**
     * @param needsConfirmation where the law asks for a yes confirmed from the phone itself: campaigns then text only
     *                          numbers that texted YES to the organizers' number
     */
    SmsConsents(JdbcClient jdbc, ActivityOutbox outbox, GuestNames names, BlindIndex index,
                @Value("${inviteflow.sms.needs-confirmation:false}") boolean needsConfirmation) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.names = names;
        this.index = index;
        this.needsConfirmation = needsConfirmation;
    }

    /**
     * The SQL condition of a number a campaign can text, on {@code invitation i}: its owner said yes to texts for
     * this very number (a number changed since is asked again; numbers are compared by their blind indexes), and,
     * where confirmation is needed, confirmed it from the phone. Only a number written with its country code is
     * texted (an SMS provider needs E.164, and a number without one could be of any country).
     */
    String textableSql() {
        return "EXISTS (SELECT 1 FROM sms_consent c WHERE c.invitation_id = i.id AND c.withdrawn_at IS NULL"
                + (needsConfirmation ? " AND c.confirmed_at IS NOT NULL" : "") + " AND c.phone_index = i.phone_index)";
    }

    boolean needsConfirmation() {
        return needsConfirmation;
    }

    /**
     * The guest's number as texts would go to it, and whether they said yes to texts (and confirmed it by texting YES).
     *
     * @param phone E.164, or null: the invitation has no number with its country code (nothing to ask)
     */
    record State(String phone, boolean given, boolean confirmed) {
    }

    State of(UUID invitationId) {
        return jdbc.sql("""
                        SELECT %s, c.phone_index = i.phone_index AND c.withdrawn_at IS NULL AS live, c.confirmed_at
                        FROM invitation i LEFT JOIN sms_consent c ON c.invitation_id = i.id
                        WHERE i.id = :id""".formatted(GuestNames.addressColumns("i.")))
                .param("id", invitationId)
                .query((rs, n) -> {
                    boolean live = rs.getBoolean("live");
                    boolean confirmed = rs.getObject("confirmed_at") != null;
                    return GuestNames.Named.withAddress(rs, invitationId, guest -> {
                        String phone = PhoneNumbers.e164(guest.phone());
                        return new State(phone, phone != null && live, phone != null && live && confirmed);
                    });
                })
                .optional().map(names::open).orElse(new State(null, false, false));
    }

    /**
     * Every live yes to texts of this number, from every organizer, withdrawn: the phone texted STOP to the
     * organizers' number. @return how many
     */
    @Transactional
    int stopNumber(String phone) {
        List<GuestAccess.Guest> stopped = jdbc.sql("""
                        UPDATE sms_consent c SET withdrawn_at = now(), withdrawn_via = :via
                        FROM invitation i
                        WHERE i.id = c.invitation_id AND c.e164_index = :phone AND c.withdrawn_at IS NULL
                        RETURNING c.invitation_id, i.party_event_id""")
                .param("phone", index.ofMobile(phone)).param("via", STOPPED_BY_TEXT)
                .query((rs, n) -> new GuestAccess.Guest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null))
                .list();
        stopped.forEach(guest -> withdrawn(guest, STOPPED_BY_TEXT, 1));
        return stopped.size();
    }

    /**
     * The phone texted START (or YES): a yes withdrawn by its STOP counts again, and the number's yeses given on a
     * page within the last day are confirmed as coming from the phone itself (an older one may be a page someone
     * else holds the link of, ticked long ago). @return how many live yeses the number has now
     */
    @Transactional
    int startNumber(String phone) {
        byte[] number = index.ofMobile(phone);
        jdbc.sql("UPDATE sms_consent SET withdrawn_at = NULL, withdrawn_via = NULL "
                        + "WHERE e164_index = :phone AND withdrawn_via = :via")
                .param("phone", number).param("via", STOPPED_BY_TEXT).update();
        jdbc.sql("UPDATE sms_consent SET confirmed_at = now() WHERE e164_index = :phone "
                        + "AND withdrawn_at IS NULL AND confirmed_at IS NULL AND given_at > now() - interval '1 day'")
                .param("phone", number).update();
        return jdbc.sql("SELECT count(*) FROM sms_consent WHERE e164_index = :phone AND withdrawn_at IS NULL")
                .param("phone", number).query(Integer.class).single();
    }

    /** Yes to texts at the invitation's number, from {@code source}; given again after a withdrawal, it counts anew. */
    @Transactional
    Optional<String> give(GuestAccess.Guest guest, String source) {
        String phone = of(guest.invitationId()).phone();
        if (phone == null) {
            return Optional.empty();
        }
        // kept by the indexes of the number as written (what the audience compares it with) and of its E.164 form
        jdbc.sql("""
                        INSERT INTO sms_consent (invitation_id, phone_index, e164_index, given_at, source)
                        SELECT i.id, i.phone_index, i.e164_index, :at, :source FROM invitation i WHERE i.id = :id
                        ON CONFLICT (invitation_id) DO UPDATE SET phone_index = EXCLUDED.phone_index,
                            e164_index = EXCLUDED.e164_index, given_at = EXCLUDED.given_at, source = EXCLUDED.source,
                            withdrawn_at = NULL, withdrawn_via = NULL,
                            -- the phone's confirmation stands for the same number, unless it texted STOP since
                            confirmed_at = CASE WHEN sms_consent.phone_index = EXCLUDED.phone_index
                                                 AND sms_consent.withdrawn_via IS DISTINCT FROM 'sms-stop'
                                                THEN sms_consent.confirmed_at END""")
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
                        WHERE c.invitation_id = i.id AND (c.withdrawn_at IS NULL OR c.withdrawn_via = 'sms-stop')
                          AND (c.invitation_id = :id OR c.phone_index = :phone
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
                        WHERE (withdrawn_at IS NULL OR withdrawn_via = 'sms-stop')
                          AND (invitation_id = :id OR phone_index = :phone)""")
                .param("id", guest.invitationId()).param("via", via).param("phone", numberOf(guest)).update());
    }

    /** The index of the guest's number as consents keep it; null (matching nothing) for a guest without one. */
    private byte[] numberOf(GuestAccess.Guest guest) {
        return jdbc.sql("SELECT phone_index FROM invitation WHERE id = :id").param("id", guest.invitationId())
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    private void withdrawn(GuestAccess.Guest guest, String via, int rows) {
        if (rows > 0) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.UNSUBSCRIBED, "invitation", guest.invitationId(),
                    guest.eventId(), new Payloads.Unsubscribed("sms", via)));
        }
    }
}
