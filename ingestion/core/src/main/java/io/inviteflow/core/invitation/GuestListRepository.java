package io.inviteflow.core.invitation;

import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The organizer's view of an event's invitations: who answered what, who waits, what they told the host. */
@Repository
class GuestListRepository {

    private final JdbcClient jdbc;
    private final PersonalText text;

    GuestListRepository(JdbcClient jdbc, PersonalText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /**
     * @param response a response, {@code NONE} for not yet answered, or null for all
     * @param attendance CONFIRMED, WAITLISTED or null for all
     */
    record Filter(String response, String attendance, String query) {
        Map<String, Object> params(UUID eventId) {
            Map<String, Object> p = new HashMap<>();
            p.put("event", eventId);
            p.put("response", response);
            p.put("attendance", attendance);
            p.put("q", query == null || query.isBlank() ? null
                    : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return p;
        }
    }

    private static final String WHERE = """
            i.party_event_id = :event
            AND (CAST(:response AS text) IS NULL OR coalesce(i.response, 'NONE') = :response)
            AND (CAST(:attendance AS text) IS NULL OR i.attendance = :attendance)
            AND (CAST(:q AS text) IS NULL OR i.guest_name ILIKE :q OR i.guest_email ILIKE :q)""";

    record Totals(long invited, long opened, long yes, long no, long maybe, long unanswered, long confirmedHeadcount,
                  long waitlisted) {
    }

    Totals totals(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*), count(first_opened_at),
                               count(*) FILTER (WHERE response = 'YES'), count(*) FILTER (WHERE response = 'NO'),
                               count(*) FILTER (WHERE response = 'MAYBE'), count(*) FILTER (WHERE response IS NULL),
                               coalesce(sum(1 + plus_ones) FILTER (WHERE attendance = 'CONFIRMED'), 0),
                               count(*) FILTER (WHERE attendance = 'WAITLISTED')
                        FROM invitation WHERE party_event_id = :event""")
                .param("event", eventId)
                .query((rs, row) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .single();
    }

    long count(UUID eventId, Filter filter) {
        return jdbc.sql("SELECT count(*) FROM invitation i WHERE " + WHERE).params(filter.params(eventId))
                .query(Long.class).single();
    }

    /** @param answers each guest's answers to the questions, in question then guest order */
    record GuestRow(UUID id, String name, String email, String phone, String response, String attendance,
                    int plusOnes, String note, OffsetDateTime answeredAt, OffsetDateTime firstOpenedAt,
                    OffsetDateTime waitlistedAt, List<QuestionAnswer> answers) {

        GuestRow withNote(String opened) {
            return new GuestRow(id, name, email, phone, response, attendance, plusOnes, opened, answeredAt,
                    firstOpenedAt, waitlistedAt, answers);
        }
    }

    /** Waitlisted guests come in queue order, everyone else by name. */
    List<GuestRow> page(UUID eventId, Filter filter, int offset, int limit) {
        Map<String, Object> params = filter.params(eventId);
        params.put("offset", offset);
        params.put("limit", limit);
        Map<UUID, GuestRow> rows = new LinkedHashMap<>();
        Map<UUID, byte[]> sealedNotes = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT i.id, i.guest_name, i.guest_email, i.guest_phone, i.response, i.attendance, i.plus_ones,
                               i.note, i.answered_at, i.first_opened_at, i.waitlisted_at, i.note_sealed
                        FROM invitation i WHERE %s
                        ORDER BY i.waitlisted_at NULLS LAST, lower(i.guest_name), i.id
                        OFFSET :offset LIMIT :limit""".formatted(WHERE))
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(id, new GuestRow(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                            rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                            new java.util.ArrayList<>()));
                    byte[] sealed = rs.getBytes(12);
                    if (sealed != null) {
                        sealedNotes.put(id, sealed);
                    }
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        // each guest's texts are sealed under their own key: the page's keys read in one query
        PersonalText.Opener opener = text.openerFor(rows.keySet().stream().map(PersonalText::personKey).toList());
        sealedNotes.forEach((id, sealed) -> rows.computeIfPresent(id, (k, row) -> row.withNote(
                opener.open(PersonalText.personKey(id), PersonalText.NOTE, sealed))));
        jdbc.sql("""
                        SELECT a.invitation_id, a.question_id, a.guest_index, a.value, a.value_sealed
                        FROM question_answer a JOIN event_question q ON q.id = a.question_id
                        WHERE a.invitation_id = ANY(:ids) ORDER BY q.position, a.guest_index""")
                .param("ids", rows.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID question = rs.getObject(2, UUID.class);
                    int guest = rs.getInt(3);
                    rows.get(id).answers().add(new QuestionAnswer(question, guest, opener.openOr(
                            PersonalText.personKey(id), PersonalText.answer(question, guest), rs.getBytes(5),
                            rs.getString(4))));
                });
        return List.copyOf(rows.values());
    }
}
