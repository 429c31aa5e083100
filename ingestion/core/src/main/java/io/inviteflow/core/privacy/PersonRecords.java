package io.inviteflow.core.privacy;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.GuestNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds every row that is about a person, in every organizer's data: the invitations sent to their address (or
 * number), the orders they placed or that came from those invitations, the tickets they hold (not those they bought
 * for others), the address-book contacts that reach them, and the invitations to organizers' teams mailed to them. Export and erasure both start from here, so they always
 * cover the same rows.
 */
@Repository
class PersonRecords {

    /** An invitation and the party event it is for. */
    record Invitation(UUID id, UUID partyEventId, String personKey) {
    }

    /** @param teamInvites the invitations to organizers' teams mailed to their address */
    record Found(List<Invitation> invitations, List<UUID> orders, List<UUID> tickets, List<UUID> contacts,
                 List<UUID> teamInvites) {

        List<UUID> invitationIds() {
            return invitations.stream().map(Invitation::id).toList();
        }

        /** The invitations per party event, in the order found. */
        Map<UUID, List<UUID>> invitationsByEvent() {
            Map<UUID, List<UUID>> byEvent = new LinkedHashMap<>();
            invitations.forEach(i -> byEvent.computeIfAbsent(i.partyEventId(), e -> new ArrayList<>()).add(i.id()));
            return byEvent;
        }
    }

    /** An address of a release before they were sealed, until start-up seals it (V36 indexes it, not erased). */
    private static final String PLAIN_EMAIL = "(%1$s <> '' AND lower(%1$s) = :email)";

    private final JdbcClient jdbc;
    private final BlindIndex index;
    private final GuestNames names;

    PersonRecords(JdbcClient jdbc, BlindIndex index, GuestNames names) {
        this.jdbc = jdbc;
        this.index = index;
        this.names = names;
    }

    /** Locks the invitations found (FOR UPDATE): an answer arriving meanwhile waits for the erasure to commit. */
    Found find(Person person) {
        // by the blind indexes of the address, or of the number as written (+ and digits, as Person#phone has it)
        String which = person.email() != null ? "email_index = :emailIndex"
                : person.phone() != null ? "phone_index = :phoneIndex" : "id = :invitation";
        List<Invitation> invitations = jdbc.sql("SELECT id, party_event_id, person_key FROM invitation WHERE " + which
                        + " ORDER BY created_at, id FOR UPDATE")
                .param("emailIndex", index.ofEmail(person.email())).param("phoneIndex", index.ofNumber(person.phone()))
                .param("invitation", person.invitation())
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
        List<UUID> invitationIds = invitations.stream().map(Invitation::id).toList();
        // orders, then their tickets, locked as retention and refunds take them: a ticket given away meanwhile is no
        // longer theirs when its lock is granted (the row is checked again), so its new holder is not erased
        List<UUID> orders = ids("SELECT id FROM ticket_order WHERE " + either(
                "(buyer_email_index = :emailIndex OR " + PLAIN_EMAIL.formatted("buyer_email") + ")",
                "invitation_id IN (:invitations)", invitationIds), " FOR UPDATE", person, invitationIds, List.of());
        // the tickets they hold: a ticket they bought for someone else is that person's, not theirs to copy or erase
        List<UUID> tickets = ids("SELECT t.id FROM ticket t JOIN ticket_order o ON o.id = t.order_id WHERE " + either(
                "(t.holder_email_index = :emailIndex OR " + PLAIN_EMAIL.formatted("t.holder_email") + ")",
                "(t.order_id IN (:orders) AND (t.holder_email_index = o.buyer_email_index "
                        + "OR t.holder_email <> '' AND lower(t.holder_email) = lower(o.buyer_email)))", orders),
                " FOR UPDATE OF t", person, invitationIds, orders);
        // a guest known by their invitation alone proved no address: no address book is searched for them
        List<UUID> contacts = person.invitation() != null ? List.of() : jdbc.sql("SELECT DISTINCT contact_id FROM "
                        + "contact_point WHERE value_index = :point ORDER BY 1")
                .param("point", person.email() != null ? index.ofContactPoint("EMAIL", person.email())
                        : index.ofContactPoint("PHONE", person.phone()))
                .query(UUID.class).list();
        List<UUID> teamInvites = person.email() == null ? List.of() : jdbc.sql("SELECT id FROM team_invite WHERE "
                        + "(email_index = :emailIndex OR " + PLAIN_EMAIL.formatted("email") + ") ORDER BY created_at, id "
                        + "FOR UPDATE")
                .param("emailIndex", index.ofEmail(person.email()))
                .param("email", person.email().strip().toLowerCase(Locale.ROOT)).query(UUID.class).list();
        return new Found(invitations, orders, tickets, contacts, teamInvites);
    }

    /** The address a guest was invited with, in lower case; empty for a guest without one. */
    Optional<String> emailOf(UUID invitation) {
        return jdbc.sql("SELECT " + GuestNames.addressColumns("") + " FROM invitation WHERE id = :id")
                .param("id", invitation)
                .query((rs, n) -> GuestNames.Named.withAddress(rs, invitation, GuestNames.Guest::email))
                .optional().map(names::open).map(email -> email.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code byEmail OR byIds}, leaving out what cannot match (no address, no ids: {@code IN ()} is not SQL). */
    private static String either(String byEmail, String byIds, List<UUID> ids) {
        List<String> terms = new ArrayList<>();
        terms.add(byEmail);
        if (!ids.isEmpty()) {
            terms.add(byIds);
        }
        return "(" + String.join(" OR ", terms) + ")";
    }

    /** @param lock what follows the order, e.g. {@code FOR UPDATE} */
    private List<UUID> ids(String sql, String lock, Person person, List<UUID> invitations, List<UUID> orders) {
        var statement = jdbc.sql(sql + " ORDER BY 1" + lock).param("email", person.email()).param("phone", person.phone())
                .param("emailIndex", index.ofEmail(person.email()));
        if (!invitations.isEmpty()) {
            statement = statement.param("invitations", invitations);
        }
        if (!orders.isEmpty()) {
            statement = statement.param("orders", orders);
        }
        return statement.query(UUID.class).list();
    }
}
