package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.account.Organizers;
import io.inviteflow.core.contact.CardColumns;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A copy of everything the core holds about a person, as a ZIP archive: {@code person.json} (one section per kind of
 * record, each row with its stored columns) and a README saying what the sections are. What Kafka and ClickHouse hold
 * about the same invitations is ids and events (no name, address or number), listed in the README rather than copied.
 */
@Component
class PersonalDataExport {

    private static final String README = """
            Your data at Inviteflow
            =======================

            person.json holds every record about you, in every organizer's events, one section per kind:
            invitations (what organizers sent you and how you answered), answers (to the events' questions),
            wall_posts, wall_comments and wall_reactions, chat_messages (end-to-end encrypted: only their number and
            times are known to the server), idea_picks, sms_consents, mail_consents, push_subscriptions,
            campaign_messages (the organizers' campaigns that reached you), ticket_orders and tickets, contacts and
            contact_points (the organizers' address-book entries that reach you), team_invitations (organizers'
            invitations to join their team), marketing_opt_outs and mail_reports (what mail servers reported about
            mail to you). If your address has an organizer account: organizer_account (the account, its roles, whether
            two-factor sign-in is on, its passkeys), organizer_events (the events it made, as you wrote them) and
            organizer_security_trail (its sign-ins and changes).

            The activity stream (Kafka) and the analytics archive (ClickHouse) hold no name, address or number: only
            ids of your invitations and what happened to them (sent, opened, answered), and for ideas a pseudonymous
            key that only this service can tie to you.
            """;

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Organizers organizers;
    private final OrganizerAccountExport account;

    PersonalDataExport(JdbcClient jdbc, PersonalText text, BlindIndex index, Organizers organizers,
                       OrganizerAccountExport account) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
        this.organizers = organizers;
        this.account = account;
    }

    byte[] archive(Person person, PersonRecords.Found found, Instant at) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exported_at", at.toString());
        document.put("person", person.email() != null ? Map.of("email", person.email())
                : person.phone() != null ? Map.of("phone", person.phone())
                : Map.of("invitation", person.invitation().toString()));
        document.putAll(sections(person, found));
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("person.json"));
            out.write(json.writeValueAsBytes(document));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write(README.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("a ZIP in memory cannot fail to write", e);
        }
        return zip.toByteArray();
    }

    /** An invitation's sealed columns and what each box is bound to. */
    private static final Map<String, String> INVITATION_TEXTS = Map.of("guest_name", PersonalText.NAME,
            "guest_email", PersonalText.EMAIL, "guest_phone", PersonalText.PHONE, "message", PersonalText.MESSAGE,
            "note", PersonalText.NOTE);

    /**
     * The guest's sealed texts ({@code <column>_sealed}) opened into {@code column}, as they wrote them; the columns
     * that only said what a box is bound to (an answer's question) dropped once used.
     *
     * @param purpose what a row's box of {@code column} is bound to
     */
    private static List<Map<String, Object>> opened(List<Map<String, Object>> rows, String invitationColumn,
                                                    String column, Function<Map<String, Object>, String> purpose,
                                                    PersonalText.Opener opener) {
        for (Map<String, Object> row : rows) {
            byte[] sealed = (byte[]) row.remove(column + "_sealed");
            String person = PersonalText.personKey(UUID.fromString(String.valueOf(row.get(invitationColumn))));
            row.put(column, opener.openOr(person, purpose.apply(row), sealed, (String) row.get(column)));
        }
        rows.forEach(row -> row.remove("question_id"));
        return rows;
    }

    /** Address-book cards opened into their columns (or left as they are: plain, of an earlier release). */
    private static List<Map<String, Object>> openedCards(List<Map<String, Object>> rows, PersonalText.Opener opener) {
        for (Map<String, Object> row : rows) {
            byte[] box = (byte[]) row.remove("card_sealed");
            String json = box == null ? null : opener.open(
                    PersonalText.contactKey(UUID.fromString(row.get("id").toString())), PersonalText.CARD, box);
            if (json != null) {
                row.putAll(CardColumns.of(json));
            }
        }
        return rows;
    }

    private static String answerOf(Map<String, Object> row) {
        return PersonalText.answer(UUID.fromString(row.get("question_id").toString()),
                ((Number) row.get("guest_index")).intValue());
    }

    /** Wall posts' or comments' authors and texts opened. */
    private static List<Map<String, Object>> openedWall(List<Map<String, Object>> rows, PersonalText.Opener opener) {
        for (Map<String, Object> row : rows) {
            String person = PersonalText.personKey(UUID.fromString(String.valueOf(row.get("invitation_id"))));
            UUID id = UUID.fromString(row.get("id").toString());
            row.put("author_name", opener.openOr(person, PersonalText.wallAuthor(id),
                    (byte[]) row.remove("author_sealed"), (String) row.get("author_name")));
            row.put("body", opener.openOr(person, PersonalText.wallBody(id), (byte[]) row.remove("body_sealed"),
                    (String) row.get("body")));
        }
        return rows;
    }

    /**
     * Buyers' or holders' ({@code who}) names and addresses opened into {@code <who>_name} and {@code <who>_email}.
     *
     * @param personKey the key a row's boxes are sealed under (its order's or ticket's)
     */
    private List<Map<String, Object>> openedPeople(List<Map<String, Object>> rows, String who,
                                                   Function<Map<String, Object>, String> personKey) {
        List<String> keys = rows.stream().map(personKey).toList();
        PersonalText.Opener opener = text.openerFor(keys);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            for (String field : List.of(PersonalText.NAME, PersonalText.EMAIL)) {
                String column = who + "_" + field;
                row.put(column, opener.openOr(keys.get(i), field, (byte[]) row.remove(column + "_sealed"),
                        (String) row.get(column)));
            }
        }
        return rows;
    }

    /** The sections of {@code person.json}: kind of record → its rows (column → value). */
    Map<String, List<Map<String, Object>>> sections(Person person, PersonRecords.Found found) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        List<UUID> invitations = found.invitationIds();
        PersonalText.Opener opener = text.openerFor(invitations.stream().map(PersonalText::personKey).toList());
        List<Map<String, Object>> invitationRows = rows("""
                SELECT i.id, e.title AS event, e.starts_at AS event_starts_at, e.organizer_id AS organizer, i.guest_name,
                       i.guest_name_sealed, i.guest_email, i.guest_email_sealed, i.guest_phone, i.guest_phone_sealed,
                       i.message, i.message_sealed, i.response, i.plus_ones, i.note, i.note_sealed,
                       i.attendance, i.answered_at, i.open_count, i.first_opened_at, i.locale, i.time_zone,
                       i.created_at, i.revoked_at
                FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                WHERE i.id IN (:ids) ORDER BY i.created_at""", invitations);
        INVITATION_TEXTS.forEach((column, purpose) -> opened(invitationRows, "id", column, row -> purpose, opener));
        sections.put("invitations", invitationRows);
        sections.put("answers", opened(rows("""
                SELECT a.invitation_id, q.label AS question, a.guest_index, a.value, a.value_sealed, a.question_id
                FROM question_answer a JOIN event_question q ON q.id = a.question_id WHERE a.invitation_id IN (:ids)
                ORDER BY a.invitation_id, q.position, a.guest_index""", invitations), "invitation_id", "value",
                PersonalDataExport::answerOf, opener));
        sections.put("wall_posts", openedWall(rows("SELECT id, invitation_id, author_name, author_sealed, body, "
                + "body_sealed, photo_url, hidden, created_at FROM wall_post WHERE invitation_id IN (:ids) "
                + "ORDER BY created_at", invitations), opener));
        sections.put("wall_comments", openedWall(rows("SELECT id, post_id, invitation_id, author_name, author_sealed, "
                + "body, body_sealed, hidden, created_at FROM wall_comment WHERE invitation_id IN (:ids) "
                + "ORDER BY created_at", invitations), opener));
        sections.put("wall_reactions", rows("SELECT post_id, invitation_id, reaction FROM wall_reaction "
                + "WHERE invitation_id IN (:ids) ORDER BY post_id", invitations));
        sections.put("chat_messages", rows("SELECT invitation_id, count(*) AS messages, min(sent_at) AS first_sent_at, "
                + "max(sent_at) AS last_sent_at FROM chat_message WHERE invitation_id IN (:ids) GROUP BY invitation_id "
                + "ORDER BY invitation_id", invitations));
        sections.put("idea_picks", rows("SELECT invitation_id, item_id, picked_at FROM idea_pick "
                + "WHERE invitation_id IN (:ids) ORDER BY picked_at", invitations));
        sections.put("sms_consents", rows("SELECT invitation_id, given_at, source, confirmed_at, withdrawn_at, withdrawn_via "
                + "FROM sms_consent WHERE invitation_id IN (:ids) ORDER BY given_at", invitations));
        sections.put("mail_consents", rows("SELECT invitation_id, given_at, source, withdrawn_at, withdrawn_via "
                + "FROM mail_consent WHERE invitation_id IN (:ids) ORDER BY given_at", invitations));
        sections.put("push_subscriptions", rows("SELECT invitation_id, endpoint, locale, created_at "
                + "FROM push_subscription WHERE invitation_id IN (:ids) ORDER BY created_at", invitations));
        sections.put("campaign_messages", rows("SELECT c.name AS campaign, r.invitation_id, r.bounced_at "
                + "FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE r.invitation_id IN (:ids) "
                + "ORDER BY c.name", invitations));
        sections.put("ticket_orders", openedPeople(rows("SELECT id, event_id, invitation_id, buyer_name, "
                + "buyer_name_sealed, buyer_email, buyer_email_sealed, status, currency, total_minor, refunded_minor, "
                + "gateway, payment_reference, created_at, paid_at FROM ticket_order WHERE id IN (:ids) "
                + "ORDER BY created_at", found.orders()), "buyer",
                row -> PersonalText.orderKey(UUID.fromString(row.get("id").toString()))));
        sections.put("tickets", openedPeople(rows("SELECT id, order_id, event_id, holder_name, holder_name_sealed, "
                + "holder_email, holder_email_sealed, code_version, status, issued_at, checked_in_at FROM ticket "
                + "WHERE id IN (:ids) ORDER BY issued_at", found.tickets()), "holder",
                row -> PersonalText.ticketKey(UUID.fromString(row.get("id").toString()),
                        ((Number) row.remove("code_version")).intValue())));
        PersonalText.Opener contactOpener = text.openerFor(found.contacts().stream().map(PersonalText::contactKey)
                .toList());
        sections.put("contacts", openedCards(rows("SELECT c.id, c.organizer_id AS organizer, c.display_name, "
                + "c.first_name, c.last_name, c.organization, c.card_sealed, c.created_at, c.updated_at FROM contact c "
                + "WHERE c.id IN (:ids) ORDER BY c.created_at",
                found.contacts()), contactOpener));
        List<Map<String, Object>> points = rows("SELECT contact_id, kind, value, value_sealed, label FROM contact_point "
                + "WHERE contact_id IN (:ids) ORDER BY contact_id, position", found.contacts());
        for (Map<String, Object> point : points) {
            String contact = PersonalText.contactKey(UUID.fromString(point.get("contact_id").toString()));
            point.put("value", contactOpener.openOr(contact, PersonalText.point((String) point.get("kind")),
                    (byte[]) point.remove("value_sealed"), (String) point.get("value")));
        }
        sections.put("contact_points", points);
        sections.put("team_invitations", rows("SELECT i.id, i.owner_id AS organizer, i.role, e.title AS event, "
                + "i.created_at, i.expires_at, i.accepted_at, i.withdrawn_at FROM team_invite i "
                + "LEFT JOIN party_event e ON e.id = i.event_id "
                + "WHERE i.id IN (:ids) ORDER BY i.created_at", found.teamInvites()));
        sections.put("marketing_opt_outs", person.email() == null ? List.of() : jdbc.sql(
                "SELECT via, at FROM marketing_opt_out WHERE email_normalized = :key")
                .param("key", index.personKeyOfEmail(person.email())).query().listOfRows().stream()
                .map(PersonalDataExport::readable).toList());
        sections.put("mail_reports", jdbc.sql("SELECT kind, diagnostic, at FROM mail_feedback WHERE "
                        + PersonalDataErasure.MAIL_FEEDBACK_INVITATION + " IN (:ids) ORDER BY at")
                .param("ids", invitations.isEmpty() ? List.of("") : invitations.stream().map(UUID::toString).toList())
                .query().listOfRows().stream().map(PersonalDataExport::readable).toList());
        namedOrganizers(sections);
        sections.putAll(account.sections(person));
        return sections;
    }

    /** Each row's {@code organizer}, read as the account's id, replaced by its name (sealed: opened here, together). */
    private void namedOrganizers(Map<String, List<Map<String, Object>>> sections) {
        List<Map<String, Object>> naming = sections.values().stream().flatMap(List::stream)
                .filter(row -> row.get("organizer") != null).toList();
        Map<UUID, Organizer> accounts = organizers.findAll(naming.stream()
                .map(row -> UUID.fromString(row.get("organizer").toString())).distinct().toList());
        for (Map<String, Object> row : naming) {
            Organizer account = accounts.get(UUID.fromString(row.get("organizer").toString()));
            row.put("organizer", account == null ? null : account.name());
        }
    }

    private List<Map<String, Object>> rows(String sql, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql).param("ids", ids).query().listOfRows().stream().map(PersonalDataExport::readable).toList();
    }

    /** Times as ISO-8601 instants, ids as text: what a person (or their next service) can read. */
    static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(column, value instanceof Timestamp t ? t.toInstant().toString()
                : value instanceof UUID u ? u.toString() : value));
        return out;
    }
}
