package io.inviteflow.core.invitation;

import io.inviteflow.core.security.GuestNames;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.text.CollationKey;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The organizer's view of an event's invitations: who answered what, who waits, what they told the host. */
@Repository
class GuestListRepository {

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final GuestNames names;

    GuestListRepository(JdbcClient jdbc, PersonalText text, GuestNames names) {
        this.jdbc = jdbc;
        this.text = text;
        this.names = names;
    }

    /**
     * @param response a response, {@code NONE} for not yet answered, or null for all
     * @param attendance CONFIRMED, WAITLISTED or null for all
     * @param query part of a guest's name or address (any case), or null for all
     */
    record Filter(String response, String attendance, String query) {
        Map<String, Object> params(UUID eventId) {
            Map<String, Object> p = new HashMap<>();
            p.put("event", eventId);
            p.put("response", response);
            p.put("attendance", attendance);
            return p;
        }

        boolean matches(Listed guest) {
            if (query == null || query.isBlank()) {
                return true;
            }
            String part = query.strip().toLowerCase(Locale.ROOT);
            return guest.name().toLowerCase(Locale.ROOT).contains(part)
                    || guest.email() != null && guest.email().toLowerCase(Locale.ROOT).contains(part);
        }
    }

    private static final String WHERE = """
            i.party_event_id = :event
            AND (CAST(:response AS text) IS NULL OR coalesce(i.response, 'NONE') = :response)
            AND (CAST(:attendance AS text) IS NULL OR i.attendance = :attendance)""";

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

    /** A guest's place in the list, with the name it is ordered and searched by, and the address and number opened. */
    record Listed(UUID id, OffsetDateTime waitlistedAt, String name, String email, String phone) {
    }

    /**
     * Every guest of the event who matches, in list order. Names and addresses are sealed, so they are opened (their
     * secrets read in one query) and ordered and searched here rather than in SQL: a pass over the event's guests per
     * list asked for, which the console asks for a thousand at a time.
     */
    List<Listed> listed(UUID eventId, Filter filter) {
        List<GuestNames.Named<Listed>> rows = jdbc.sql("SELECT i.id, i.waitlisted_at, "
                        + GuestNames.addressColumns("i.") + " FROM invitation i WHERE " + WHERE)
                .params(filter.params(eventId))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    OffsetDateTime waitlisted = rs.getObject("waitlisted_at", OffsetDateTime.class);
                    return GuestNames.Named.withAddress(rs, id, guest -> new Listed(id, waitlisted, guest.name(),
                            guest.email(), guest.phone()));
                })
                .list();
        return inListOrder(names.open(rows).stream().filter(filter::matches).toList());
    }

    /**
     * Waitlisted guests first, in queue order; everyone else by name as people sort them ("ada" beside "Ada", "Émile"
     * beside "Emile"); then by id. Each name's collation key is made once, by a collator of this call's own.
     */
    private static List<Listed> inListOrder(List<Listed> guests) {
        Collator byName = Collator.getInstance(Locale.ROOT);
        byName.setStrength(Collator.SECONDARY);
        Map<Listed, CollationKey> keys = new java.util.IdentityHashMap<>();
        guests.forEach(g -> keys.put(g, byName.getCollationKey(g.name())));
        return guests.stream().sorted(Comparator.comparing(Listed::waitlistedAt,
                        Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
                .thenComparing(keys::get).thenComparing(g -> g.id().toString())).toList();
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

    /** The rows of these guests (a page of {@link #listed}), in the same order. */
    List<GuestRow> rows(List<Listed> guests) {
        if (guests.isEmpty()) {
            return List.of();
        }
        Map<UUID, Listed> listed = new HashMap<>();
        guests.forEach(g -> listed.put(g.id(), g));
        Map<UUID, GuestRow> read = new HashMap<>();
        Map<UUID, byte[]> sealedNotes = new HashMap<>();
        jdbc.sql("""
                        SELECT i.id, i.response, i.attendance, i.plus_ones, i.note, i.answered_at, i.first_opened_at,
                               i.waitlisted_at, i.note_sealed
                        FROM invitation i WHERE i.id = ANY(:ids)""")
                .param("ids", listed.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    Listed guest = listed.get(rs.getObject(1, UUID.class));
                    read.put(guest.id(), new GuestRow(guest.id(), guest.name(), guest.email(), guest.phone(),
                            rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                            rs.getObject(8, OffsetDateTime.class), new java.util.ArrayList<>()));
                    byte[] sealed = rs.getBytes(9);
                    if (sealed != null) {
                        sealedNotes.put(guest.id(), sealed);
                    }
                });
        // in the page's order, without any erased or gone since it was listed
        Map<UUID, GuestRow> rows = new LinkedHashMap<>();
        guests.stream().filter(g -> read.containsKey(g.id())).forEach(g -> rows.put(g.id(), read.get(g.id())));
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
