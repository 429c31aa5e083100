package io.inviteflow.core.contact;

import io.inviteflow.core.contact.imports.ContactCard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
class ContactRepository {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final javax.sql.DataSource dataSource;

    ContactRepository(JdbcClient jdbc, JdbcTemplate batch, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dataSource = dataSource;
    }

    /** Serialises imports of one organizer until the transaction ends: two uploads at once must not both add a person. */
    void lockAddressBook(UUID organizerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('contacts:' || CAST(:id AS text), 0))")
                .param("id", organizerId).query().singleValue();
    }

    record PointOwner(UUID contactId, int position) {
    }

    /** Every point of the organizer's address book by {@link ContactPoint#key()}. */
    Map<String, PointOwner> pointOwners(UUID organizerId) {
        Map<String, PointOwner> owners = new HashMap<>();
        jdbc.sql("SELECT kind, value, contact_id, position FROM contact_point WHERE organizer_id = :org")
                .param("org", organizerId)
                .query(rs -> {
                    owners.put(rs.getString(1) + ':' + rs.getString(2),
                            new PointOwner(rs.getObject(3, UUID.class), rs.getInt(4)));
                });
        return owners;
    }

    record NewContact(UUID id, ContactCard card) {
    }

    void insertContacts(UUID organizerId, List<NewContact> contacts) {
        PgCopy.rows(dataSource, "COPY contact (id, organizer_id, display_name, first_name, last_name, organization) "
                + "FROM STDIN", contacts, c -> new Object[]{c.id(), organizerId, c.card().displayName(),
                c.card().firstName(), c.card().lastName(), c.card().organization()});
    }

    /**
     * What a later file knows that the address book did not: names fill empty ones, and a real name replaces one
     * that was only an email or phone. Nothing the organizer already had is overwritten.
     */
    void fillMissing(List<NewContact> updates) {
        batch.batchUpdate("""
                UPDATE contact SET
                    first_name = coalesce(first_name, ?),
                    last_name = coalesce(last_name, ?),
                    organization = coalesce(organization, ?),
                    display_name = CASE WHEN display_name IN (SELECT value FROM contact_point p
                                                              WHERE p.contact_id = contact.id) AND ?
                                        THEN ? ELSE display_name END,
                    updated_at = now()
                WHERE id = ?""", updates, BATCH, (ps, u) -> {
            ps.setString(1, u.card().firstName());
            ps.setString(2, u.card().lastName());
            ps.setString(3, u.card().organization());
            ps.setBoolean(4, !u.card().nameFromPoint());
            ps.setString(5, u.card().displayName());
            ps.setObject(6, u.id());
        });
    }

    record NewPoint(UUID contactId, ContactPoint point, int position) {
    }

    void insertPoints(UUID organizerId, List<NewPoint> points) {
        PgCopy.rows(dataSource, "COPY contact_point (contact_id, organizer_id, kind, value, usable, label, position) "
                + "FROM STDIN", points, p -> new Object[]{p.contactId(), organizerId, p.point().kind().name(),
                p.point().value(), p.point().usable() ? "t" : "f", p.point().label(), p.position()});
    }

    void addMembers(UUID listId, Collection<UUID> contactIds) {
        batch.batchUpdate("INSERT INTO contact_list_member (list_id, contact_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                new ArrayList<>(contactIds), BATCH, (ps, id) -> {
                    ps.setObject(1, listId);
                    ps.setObject(2, id);
                });
    }

    long count(UUID organizerId, String query, UUID listId) {
        return jdbc.sql("SELECT count(*) FROM contact c WHERE " + filter())
                .params(filterParams(organizerId, query, listId))
                .query(Long.class).single();
    }

    /** A page of the address book, by name, with every point and list of each contact. */
    List<Contact> page(UUID organizerId, String query, UUID listId, int offset, int limit) {
        Map<UUID, Contact.Builder> byId = new LinkedHashMap<>();
        Map<String, Object> params = new HashMap<>(filterParams(organizerId, query, listId));
        params.put("offset", offset);
        params.put("limit", limit);
        jdbc.sql("""
                        SELECT id, display_name, first_name, last_name, organization FROM contact c
                        WHERE %s ORDER BY lower(display_name), id OFFSET :offset LIMIT :limit""".formatted(filter()))
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    byId.put(id, new Contact.Builder(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                });
        if (byId.isEmpty()) {
            return List.of();
        }
        UUID[] ids = byId.keySet().toArray(UUID[]::new);
        jdbc.sql("""
                        SELECT contact_id, kind, value, usable, label FROM contact_point
                        WHERE contact_id = ANY(:ids) ORDER BY contact_id, position""")
                .param("ids", ids)
                .query(rs -> {
                    byId.get(rs.getObject(1, UUID.class)).add(new ContactPoint(PointKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getBoolean(4), rs.getString(5)));
                });
        jdbc.sql("""
                        SELECT m.contact_id, l.id, l.name FROM contact_list_member m JOIN contact_list l ON l.id = m.list_id
                        WHERE m.contact_id = ANY(:ids) ORDER BY lower(l.name)""")
                .param("ids", ids)
                .query(rs -> {
                    byId.get(rs.getObject(1, UUID.class)).list(new Contact.ListRef(rs.getObject(2, UUID.class),
                            rs.getString(3)));
                });
        return byId.values().stream().map(Contact.Builder::build).toList();
    }

    /** The ids among {@code ids} that are the organizer's contacts. */
    List<UUID> owned(UUID organizerId, Collection<UUID> ids) {
        return jdbc.sql("SELECT id FROM contact WHERE organizer_id = :org AND id = ANY(:ids)")
                .param("org", organizerId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    private static String filter() {
        return """
                c.organizer_id = :org
                AND (CAST(:q AS text) IS NULL OR c.display_name ILIKE :q OR EXISTS (
                     SELECT 1 FROM contact_point p WHERE p.contact_id = c.id AND p.value ILIKE :q))
                AND (CAST(:list AS uuid) IS NULL OR EXISTS (
                     SELECT 1 FROM contact_list_member m WHERE m.contact_id = c.id AND m.list_id = :list))""";
    }

    private static Map<String, Object> filterParams(UUID organizerId, String query, UUID listId) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", organizerId);
        params.put("q", query == null || query.isBlank() ? null
                : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        params.put("list", listId);
        return params;
    }
}
