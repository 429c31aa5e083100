package io.inviteflow.core.privacy;

import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.account.Organizers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The part of a person's copy about their own organizer account, when their address has one: the account (address,
 * name, when it was made and confirmed, roles, whether two-factor sign-in is on, passkeys by label), the events it
 * made (as written: title, description, place, dates) with how many were invited, and its security trail. The guest
 * lists themselves are the organizer's to export per event (the console's CSV), not the person's own data.
 */
@Component
class OrganizerAccountExport {

    private final JdbcClient jdbc;
    private final Organizers organizers;

    OrganizerAccountExport(JdbcClient jdbc, Organizers organizers) {
        this.jdbc = jdbc;
        this.organizers = organizers;
    }

    /** Empty sections for a number, or an address without an account. */
    Map<String, List<Map<String, Object>>> sections(Person person) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        UUID id = person.email() == null ? null : organizers.idOf(person.email()).orElse(null);
        if (id == null) {
            sections.put("organizer_account", List.of());
            sections.put("organizer_events", List.of());
            sections.put("organizer_security_trail", List.of());
            return sections;
        }
        Organizer account = organizers.find(id);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id.toString());
        row.put("email", account.email());
        row.put("name", account.name());
        row.putAll(one("""
                SELECT o.created_at, o.email_verified_at,
                       EXISTS (SELECT 1 FROM organizer_totp t
                               WHERE t.organizer_id = o.id AND t.confirmed_at IS NOT NULL) AS second_factor,
                       (SELECT string_agg(r.role, ',' ORDER BY r.role) FROM organizer_role r
                        WHERE r.organizer_id = o.id) AS roles,
                       (SELECT string_agg(c.label, ',' ORDER BY c.created) FROM user_credentials c
                        JOIN passkey_account a ON a.user_handle = c.user_entity_user_id
                        WHERE a.organizer_id = o.id) AS passkeys
                FROM organizer o WHERE o.id = :id""", id));
        sections.put("organizer_account", List.of(row));
        sections.put("organizer_events", many("""
                SELECT e.id, e.title, e.description, e.starts_at, e.ends_at, e.time_zone, e.venue_name,
                       e.venue_address, e.online_url, e.status, e.created_at,
                       (SELECT count(*) FROM invitation i WHERE i.party_event_id = e.id) AS invited
                FROM party_event e WHERE e.organizer_id = :id ORDER BY e.starts_at, e.id""", id));
        sections.put("organizer_security_trail", many("""
                SELECT at, action, ip, detail FROM security_audit WHERE organizer_id = :id
                ORDER BY at DESC, id DESC""", id));
        return sections;
    }

    private Map<String, Object> one(String sql, UUID id) {
        return PersonalDataExport.readable(jdbc.sql(sql).param("id", id).query().singleRow());
    }

    private List<Map<String, Object>> many(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query().listOfRows().stream().map(PersonalDataExport::readable).toList();
    }
}
