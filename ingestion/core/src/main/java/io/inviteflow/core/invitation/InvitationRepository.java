package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.GuestNames;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

@Repository
class InvitationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalText text;
    private final GuestNames names;
    private final BlindIndex index;

    InvitationRepository(JdbcClient jdbc, JdbcTemplate batch, PersonalText text, GuestNames names, BlindIndex index) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.text = text;
        this.names = names;
        this.index = index;
    }

    /** @param referredBy the guest who invited this one with an invite-a-friend link, else null */
    record NewInvitation(UUID id, UUID partyEventId, byte[] tokenHash, String name, String email, String phone,
                         String message, UUID contactId, Integer maxPlusOnes, String theme, UUID referredBy) {
    }

    /**
     * Inserts them, each guest's name, address, number and personal message sealed under their invitation's own
     * secret (the secrets made for all in one batch), the address and number with their blind indexes.
     */
    /**
     * The events' accounts are open, as committed: a closing in progress (holding the account's row) is waited for.
     * Once per batch, where a trigger would run once per row (V50 guards the other tables).
     */
    private void requireOpenAccounts(List<UUID> events) {
        boolean closed = jdbc.sql("""
                        SELECT o.closed_at IS NOT NULL FROM party_event e JOIN organizer o ON o.id = e.organizer_id
                        WHERE e.id = ANY(:events) ORDER BY o.id FOR KEY SHARE OF o""")
                .param("events", events.toArray(UUID[]::new)).query(Boolean.class).list().contains(true);
        if (closed) {
            throw io.inviteflow.core.web.Problems.conflict("the organizer's account is closed");
        }
    }

    void insertAll(List<NewInvitation> invitations) {
        requireOpenAccounts(invitations.stream().map(NewInvitation::partyEventId).distinct().toList());
        PersonalText.Sealer sealer = text.sealerForNew(invitations.stream().map(i -> PersonalText.personKey(i.id()))
                .toList());
        batch.batchUpdate("""
                INSERT INTO invitation (id, party_event_id, token_hash, guest_name_sealed, guest_email_sealed,
                    guest_phone_sealed, email_index, phone_index, e164_index, message_sealed, contact_id, max_plus_ones,
                    theme, referred_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", invitations, 1000, (ps, i) -> {
            String person = PersonalText.personKey(i.id());
            ps.setObject(1, i.id());
            ps.setObject(2, i.partyEventId());
            ps.setBytes(3, i.tokenHash());
            ps.setBytes(4, sealer.seal(person, PersonalText.NAME, i.name()));
            ps.setBytes(5, sealer.seal(person, PersonalText.EMAIL, i.email()));
            ps.setBytes(6, sealer.seal(person, PersonalText.PHONE, i.phone()));
            ps.setBytes(7, index.ofEmail(i.email()));
            ps.setBytes(8, index.ofNumber(i.phone()));
            ps.setBytes(9, index.ofMobile(i.phone()));
            ps.setBytes(10, sealer.seal(person, PersonalText.MESSAGE, i.message()));
            ps.setObject(11, i.contactId());
            ps.setObject(12, i.maxPlusOnes());
            ps.setString(13, i.theme());
            ps.setObject(14, i.referredBy());
        });
    }

    private static final String GUEST_COLUMNS = """
            id, party_event_id, guest_name, guest_name_sealed, message, message_sealed, response, plus_ones, note,
            note_sealed, answer_version, max_plus_ones, theme, attendance""";
    private static final int GUEST_COLUMN_COUNT = 14;

    /** An invitation as read, its name, message and note still sealed (or plain, in a row of an earlier release). */
    private record Read(GuestInvitation invitation, byte[] name, String plainName, byte[] message, String plainMessage,
                        byte[] note, String plainNote) {
    }

    /** The invitation with its texts and answers opened (after the query: never inside a row mapper). */
    Optional<GuestInvitation> findByToken(String token) {
        return jdbc.sql("SELECT " + GUEST_COLUMNS + " FROM invitation WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", InvitationTokens.hash(token))
                .query((rs, row) -> new Read(guest(rs, null, null, null), rs.getBytes("guest_name_sealed"),
                        rs.getString("guest_name"), rs.getBytes("message_sealed"), rs.getString("message"),
                        rs.getBytes("note_sealed"), rs.getString("note")))
                .optional()
                .map(this::opened)
                .map(i -> i.withAnswers(answers(i.id())));
    }

    private GuestInvitation opened(Read read) {
        String person = PersonalText.personKey(read.invitation().id());
        PersonalText.Opener opener = text.openerFor(List.of(person));
        return read.invitation().withTexts(
                java.util.Objects.requireNonNullElse(opener.openOr(person, PersonalText.NAME, read.name(),
                        read.plainName()), ""),
                opener.openOr(person, PersonalText.MESSAGE, read.message(), read.plainMessage()),
                opener.openOr(person, PersonalText.NOTE, read.note(), read.plainNote()));
    }

    /** The guest behind a live (not revoked) token: invitation, event, name. */
    Optional<GuestAccess.Guest> findGuest(String token) {
        return jdbc.sql("SELECT id, party_event_id, guest_name, guest_name_sealed FROM invitation "
                        + "WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", InvitationTokens.hash(token))
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID eventId = rs.getObject(2, UUID.class);
                    return GuestNames.Named.of(rs, id, name -> new GuestAccess.Guest(id, eventId, name));
                })
                .optional().map(names::open);
    }

    /**
     * An invitation about to be answered (without its note), and whether it holds question answers an answer must
     * replace.
     *
     * @param mailable whether the guest has an email address (their answer is confirmed by mail)
     */
    record AnswerTarget(GuestInvitation invitation, boolean hasAnswers, boolean mailable) {
    }

    /** The invitation without loading its answers: one query on the hot path of every RSVP. */
    Optional<AnswerTarget> findForAnswer(String token) {
        return jdbc.sql("SELECT " + GUEST_COLUMNS + ", EXISTS (SELECT 1 FROM question_answer a "
                        + "WHERE a.invitation_id = invitation.id), email_index IS NOT NULL FROM invitation "
                        + "WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", InvitationTokens.hash(token))
                // nothing sealed (the note given before, the name) is needed to take a new answer: not opened
                .query((rs, row) -> new AnswerTarget(guest(rs, null, null, null),
                        rs.getBoolean(GUEST_COLUMN_COUNT + 1), rs.getBoolean(GUEST_COLUMN_COUNT + 2)))
                .optional();
    }

    /**
     * The invitation with these texts (opened later, known, or not needed: then null). Taking an answer needs none
     * of the sealed ones, so the API's path of every RSVP opens nothing.
     */
    private static GuestInvitation guest(java.sql.ResultSet rs, String name, String message, String note)
            throws java.sql.SQLException {
        String response = rs.getString("response");
        String attendance = rs.getString("attendance");
        return new GuestInvitation(rs.getObject("id", UUID.class), rs.getObject("party_event_id", UUID.class), name,
                message, response == null ? null : Rsvp.valueOf(response),
                rs.getInt("plus_ones"), note, rs.getLong("answer_version"),
                (Integer) rs.getObject("max_plus_ones"), rs.getString("theme"),
                attendance == null ? null : Attendance.valueOf(attendance), List.of());
    }

    /** The guest's address, opened; empty for a guest without one. */
    Optional<String> email(UUID invitationId) {
        return jdbc.sql("SELECT " + GuestNames.addressColumns("") + " FROM invitation WHERE id = :id")
                .param("id", invitationId)
                .query((rs, row) -> GuestNames.Named.withAddress(rs, invitationId, GuestNames.Guest::email))
                .optional().map(names::open);
    }

    private record SealedAnswer(UUID questionId, int guest, String plain, byte[] sealed) {
    }

    List<QuestionAnswer> answers(UUID invitationId) {
        List<SealedAnswer> read = jdbc.sql("""
                        SELECT question_id, guest_index, value, value_sealed FROM question_answer
                        WHERE invitation_id = :id ORDER BY guest_index""")
                .param("id", invitationId)
                .query((rs, row) -> new SealedAnswer(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getBytes(4)))
                .list();
        if (read.isEmpty()) {
            return List.of();
        }
        String person = PersonalText.personKey(invitationId);
        PersonalText.Opener opener = text.openerFor(List.of(person));
        return read.stream().map(a -> new QuestionAnswer(a.questionId(), a.guest(), opener.openOr(person,
                PersonalText.answer(a.questionId(), a.guest()), a.sealed(), a.plain()))).toList();
    }

    /** Each answer sealed under the guest's own key (PersonalText); the plain column stays empty. */
    void replaceAnswers(UUID invitationId, List<QuestionAnswer> answers) {
        jdbc.sql("DELETE FROM question_answer WHERE invitation_id = :id").param("id", invitationId).update();
        String person = PersonalText.personKey(invitationId);
        batch.batchUpdate("INSERT INTO question_answer (invitation_id, question_id, guest_index, value_sealed) "
                        + "VALUES (?, ?, ?, ?)",
                answers, 100, (ps, a) -> {
                    ps.setObject(1, invitationId);
                    ps.setObject(2, a.questionId());
                    ps.setInt(3, a.guest());
                    ps.setBytes(4, text.seal(person, PersonalText.answer(a.questionId(), a.guest()), a.value()));
                });
    }

    /** @param language the guest's language as they or their browser said it, e.g. {@code de}; null: unknown */
    void recordOpen(UUID id, Instant at, String language) {
        jdbc.sql("""
                        UPDATE invitation SET open_count = open_count + 1,
                            first_opened_at = coalesce(first_opened_at, :at),
                            locale = coalesce(CAST(:language AS text), locale)
                        WHERE id = :id""")
                .param("id", id)
                .param("at", utc(at))
                .param("language", language)
                .update();
    }

    /**
     * Stores an answer and returns the invitation as answered. The row lock taken by the UPDATE orders concurrent
     * answers of one invitation, so versions and outbox rows of one guest are written in the same order.
     *
     * @param waitlistedAt when the guest joined the waitlist (kept while they wait), null when not waiting
     */
    GuestInvitation answer(UUID id, Rsvp response, int plusOnes, String note, Attendance attendance,
                           Instant waitlistedAt, Instant at) {
        if (note != null) {
            // the row first, then the note's key: the order the start-up sealing and erasures take them in
            jdbc.sql("SELECT 1 FROM invitation WHERE id = :id FOR UPDATE").param("id", id).query(Integer.class)
                    .optional();
        }
        // an erasure that committed since the invitation was read is seen here: nothing is written for that guest
        return jdbc.sql("""
                        UPDATE invitation SET response = :response, plus_ones = :plusOnes, note = NULL,
                            note_sealed = :note,
                            answer_version = answer_version + 1, answered_at = :at, attendance = :attendance,
                            waitlisted_at = :waitlistedAt
                        WHERE id = :id AND revoked_at IS NULL AND erased_at IS NULL""" + " RETURNING " + GUEST_COLUMNS)
                .param("id", id)
                .param("response", response.name())
                .param("plusOnes", plusOnes)
                .param("note", text.seal(PersonalText.personKey(id), PersonalText.NOTE, note))
                .param("attendance", attendance == null ? null : attendance.name())
                .param("waitlistedAt", waitlistedAt == null ? null : utc(waitlistedAt))
                .param("at", utc(at))
                .query((rs, row) -> guest(rs, null, null, note)) // just sealed: the note as given
                .optional()
                .orElseThrow(() -> Problems.notFound("invitation", "behind this link"));
    }

    /** Where one invitation's answer stands now (read after the event lock, so it is current). */
    record Standing(Attendance attendance, int headcount, Instant waitlistedAt) {
    }

    Standing standing(UUID id) {
        return jdbc.sql("SELECT attendance, 1 + plus_ones, waitlisted_at FROM invitation WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Standing(rs.getString(1) == null ? null : Attendance.valueOf(rs.getString(1)),
                        rs.getInt(2), rs.getObject(3, OffsetDateTime.class) == null ? null
                        : rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
    }

    /** Guests and plus-ones with a confirmed place, not counting one invitation. */
    int confirmedHeadcount(UUID eventId, UUID except) {
        return jdbc.sql("""
                        SELECT coalesce(sum(1 + plus_ones), 0) FROM invitation
                        WHERE party_event_id = :event AND attendance = 'CONFIRMED' AND id <> :except""")
                .param("event", eventId).param("except", except)
                .query(Integer.class).single();
    }

    record Waiting(UUID id, int headcount) {
    }

    /** The waitlist in the order guests joined it. */
    List<Waiting> waitlist(UUID eventId) {
        return jdbc.sql("""
                        SELECT id, 1 + plus_ones FROM invitation
                        WHERE party_event_id = :event AND attendance = 'WAITLISTED'
                        ORDER BY waitlisted_at, id""")
                .param("event", eventId)
                .query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    void confirm(UUID id) {
        jdbc.sql("UPDATE invitation SET attendance = 'CONFIRMED', waitlisted_at = NULL WHERE id = :id")
                .param("id", id).update();
    }

    /** The guest's IANA time zone, as their browser reported it. */
    void setTimeZone(UUID invitationId, String zone) {
        jdbc.sql("UPDATE invitation SET time_zone = :zone WHERE id = :id").param("zone", zone).param("id", invitationId)
                .update();
    }

    /**
     * Unanswered invitations with an email (not withdrawn, reminders not stopped), for events that have not started,
     * after {@code after} in id order.
     */
    List<PendingInvitation> findPending(UUID after, UUID eventId, java.time.Instant invitedBefore, int limit,
                                        BiFunction<UUID, UUID, String> linkFor) {
        return names.open(jdbc.sql("""
                        SELECT i.id, i.party_event_id, e.title, e.starts_at, e.time_zone, %s
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                        WHERE i.id > :after AND i.response IS NULL AND i.email_index IS NOT NULL
                          AND i.reminders_stopped_at IS NULL AND i.revoked_at IS NULL
                          AND e.starts_at > now() AND (CAST(:eventId AS uuid) IS NULL OR i.party_event_id = :eventId)
                          AND (CAST(:invitedBefore AS timestamptz) IS NULL OR i.created_at < :invitedBefore)
                        ORDER BY i.id
                        LIMIT :limit""".formatted(GuestNames.addressColumns("i.")))
                .param("after", after)
                .param("eventId", eventId, java.sql.Types.OTHER)
                .param("invitedBefore", invitedBefore == null ? null
                        : OffsetDateTime.ofInstant(invitedBefore, java.time.ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID event = rs.getObject(2, UUID.class);
                    String title = rs.getString(3);
                    String zone = rs.getString(5);
                    OffsetDateTime startsAt = rs.getObject(4, OffsetDateTime.class)
                            .atZoneSameInstant(java.time.ZoneId.of(zone)).toOffsetDateTime();
                    return GuestNames.Named.withAddress(rs, id, guest -> new PendingInvitation(id, event, title,
                            startsAt, zone, guest.name(), guest.email(), linkFor.apply(id, event), null));
                })
                .list());
    }

    /**
     * Guests of one event to tell about a change, in id order after {@code after}: those with an email who have not
     * declined, or only {@code invitationId} when given (whatever they answered).
     */
    List<NoticeRecipient> findNoticeRecipients(UUID eventId, UUID after, UUID invitationId, int limit,
                                               BiFunction<UUID, UUID, String> linkFor) {
        return names.open(jdbc.sql("""
                        SELECT i.id, e.title, e.starts_at, e.time_zone, e.status, %s, i.response
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                        WHERE i.party_event_id = :event AND i.id > :after AND i.email_index IS NOT NULL
                          AND (CAST(:invitation AS uuid) IS NULL AND coalesce(i.response, '') <> 'NO'
                               OR i.id = :invitation)
                        ORDER BY i.id
                        LIMIT :limit""".formatted(GuestNames.addressColumns("i.")))
                .param("event", eventId)
                .param("after", after)
                .param("invitation", invitationId, java.sql.Types.OTHER)
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String title = rs.getString(2);
                    String zone = rs.getString(4);
                    OffsetDateTime startsAt = rs.getObject(3, OffsetDateTime.class)
                            .atZoneSameInstant(java.time.ZoneId.of(zone)).toOffsetDateTime();
                    boolean cancelled = "CANCELLED".equals(rs.getString(5));
                    String response = rs.getString("response");
                    return GuestNames.Named.withAddress(rs, id, guest -> new NoticeRecipient(id, eventId, title,
                            startsAt, zone, cancelled, guest.name(), guest.email(), response,
                            linkFor.apply(id, eventId), null));
                })
                .list());
    }

    /** The current answers of these invitations, for those with an email (answer confirmations). */
    List<AnswerConfirmation> findAnswerConfirmations(List<UUID> ids, BiFunction<UUID, UUID, String> linkFor) {
        return names.open(jdbc.sql("""
                        SELECT i.id, i.party_event_id, e.title, e.starts_at, e.time_zone, e.status, %s,
                               i.response, i.plus_ones, i.attendance, i.answer_version
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                        WHERE i.id = ANY(:ids) AND i.email_index IS NOT NULL AND i.revoked_at IS NULL
                        ORDER BY i.id""".formatted(GuestNames.addressColumns("i.")))
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID eventId = rs.getObject(2, UUID.class);
                    String title = rs.getString(3);
                    String zone = rs.getString(5);
                    OffsetDateTime startsAt = rs.getObject(4, OffsetDateTime.class)
                            .atZoneSameInstant(java.time.ZoneId.of(zone)).toOffsetDateTime();
                    boolean cancelled = "CANCELLED".equals(rs.getString(6));
                    String response = rs.getString("response");
                    int plusOnes = rs.getInt("plus_ones");
                    String attendance = rs.getString("attendance");
                    long version = rs.getLong("answer_version");
                    return GuestNames.Named.withAddress(rs, id, guest -> new AnswerConfirmation(id, eventId, title,
                            startsAt, zone, cancelled, guest.name(), guest.email(), response, plusOnes, attendance,
                            version, linkFor.apply(id, eventId)));
                })
                .list());
    }

    /** Withdraws an invitation: its link opens nothing from now on. False when it is not the event's. */
    boolean revoke(UUID eventId, UUID id, Instant at) {
        return jdbc.sql("UPDATE invitation SET revoked_at = :at WHERE id = :id AND party_event_id = :event "
                        + "AND revoked_at IS NULL")
                .param("at", utc(at)).param("id", id).param("event", eventId).update() == 1;
    }

    /** Whether the guest came through a friend's invitation, or was banned from the event's wall and chat. */
    boolean referredOrBanned(UUID id) {
        return jdbc.sql("""
                        SELECT i.referred_by IS NOT NULL OR EXISTS (SELECT 1 FROM wall_ban b
                            WHERE b.party_event_id = i.party_event_id AND b.invitation_id = i.id)
                        FROM invitation i WHERE i.id = :id""")
                .param("id", id).query(Boolean.class).single();
    }

    /** Serialises one guest's referrals, so two taps at once cannot pass the organizer's limit. */
    void lockForReferrals(UUID id) {
        jdbc.sql("SELECT id FROM invitation WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).list();
    }

    /** How many friends this guest has invited. */
    int referralsBy(UUID id) {
        return jdbc.sql("SELECT count(*) FROM invitation WHERE referred_by = :id").param("id", id)
                .query(Integer.class).single();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
