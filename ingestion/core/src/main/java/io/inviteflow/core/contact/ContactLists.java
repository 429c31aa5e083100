package io.inviteflow.core.contact;

import io.inviteflow.core.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Contact groups (lists) an organizer invites at once: "Family", "Team", "Book club". */
@Service
public class ContactLists {

    private final JdbcClient jdbc;

    ContactLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ContactList(UUID id, String name, long size) {
    }

    List<ContactList> all(UUID organizerId) {
        return jdbc.sql("""
                        SELECT l.id, l.name, count(m.contact_id) FROM contact_list l
                        LEFT JOIN contact_list_member m ON m.list_id = l.id
                        WHERE l.organizer_id = :org GROUP BY l.id, l.name ORDER BY lower(l.name)""")
                .param("org", organizerId)
                .query((rs, row) -> new ContactList(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    ContactList create(UUID organizerId, String name) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO contact_list (id, organizer_id, name) VALUES (:id, :org, :name)")
                    .param("id", id).param("org", organizerId).param("name", name.strip()).update();
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("a list named '" + name.strip() + "' exists already");
        }
        return new ContactList(id, name.strip(), 0);
    }

    /** The list of that name (case-insensitive), created if missing; safe when two imports name it at once. */
    @Transactional
    ContactList findOrCreate(UUID organizerId, String name) {
        jdbc.sql("""
                        INSERT INTO contact_list (id, organizer_id, name) VALUES (:id, :org, :name)
                        ON CONFLICT (organizer_id, lower(name)) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("org", organizerId).param("name", name.strip()).update();
        return jdbc.sql("SELECT id, name FROM contact_list WHERE organizer_id = :org AND lower(name) = lower(:name)")
                .param("org", organizerId).param("name", name.strip())
                .query((rs, row) -> new ContactList(rs.getObject(1, UUID.class), rs.getString(2), 0))
                .single();
    }

    /** @throws org.springframework.web.ErrorResponseException 404 unless the organizer owns the list */
    public ContactList requireOwned(UUID organizerId, UUID listId) {
        return jdbc.sql("SELECT id, name FROM contact_list WHERE id = :id AND organizer_id = :org")
                .param("id", listId).param("org", organizerId)
                .query((rs, row) -> new ContactList(rs.getObject(1, UUID.class), rs.getString(2), 0))
                .optional().orElseThrow(() -> Problems.notFound("contact list", listId));
    }

    void removeMember(UUID listId, UUID contactId) {
        jdbc.sql("DELETE FROM contact_list_member WHERE list_id = :list AND contact_id = :contact")
                .param("list", listId).param("contact", contactId).update();
    }
}
