package io.inviteflow.core.idea;

import io.inviteflow.core.security.GuestNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The guests' picks ({@code idea_pick}). */
@Repository
class IdeaPicks {

    /** A guest's pick, for the organizer's list of who brings what. */
    record Pick(String itemId, UUID invitationId, String guestName, Instant pickedAt) {
    }

    private final JdbcClient jdbc;
    private final GuestNames names;

    IdeaPicks(JdbcClient jdbc, GuestNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** What the guest picked, and the registry gifts other guests of the event give (withdrawn guests give none). */
    record Seen(Set<String> mine, Set<String> takenByOthers) {
    }

    /** One query per guest page: it is rendered on every open. */
    Seen seenBy(UUID eventId, UUID invitationId) {
        Seen seen = new Seen(new HashSet<>(), new HashSet<>());
        jdbc.sql("SELECT p.item_id, p.invitation_id = :id FROM idea_pick p JOIN invitation i ON i.id = p.invitation_id "
                        + "WHERE p.party_event_id = :event "
                        + "AND (p.invitation_id = :id OR (p.exclusive AND i.revoked_at IS NULL))")
                .param("event", eventId).param("id", invitationId)
                .query((java.sql.ResultSet rs) -> {
                    (rs.getBoolean(2) ? seen.mine() : seen.takenByOthers()).add(rs.getString(1));
                });
        return seen;
    }

    boolean hasPicked(UUID invitationId, String itemId) {
        return jdbc.sql("SELECT count(*) FROM idea_pick WHERE invitation_id = :id AND item_id = :item")
                .param("id", invitationId).param("item", itemId).query(Long.class).single() > 0;
    }

    /**
     * False when the guest had picked it already, or (an exclusive idea) another guest of the event has: the unique
     * index decides between two guests picking at once.
     */
    boolean pick(UUID invitationId, UUID eventId, Idea idea, Instant at) {
        if (idea.exclusive()) {
            // a guest whose invitation was withdrawn gives nothing: their pick no longer holds the gift
            jdbc.sql("DELETE FROM idea_pick p USING invitation i WHERE i.id = p.invitation_id AND i.revoked_at IS NOT NULL "
                            + "AND p.party_event_id = :event AND p.item_id = :item")
                    .param("event", eventId).param("item", idea.id()).update();
        }
        return jdbc.sql("INSERT INTO idea_pick (invitation_id, party_event_id, item_id, exclusive, picked_at) "
                        + "VALUES (:id, :event, :item, :exclusive, :at) ON CONFLICT DO NOTHING")
                .param("id", invitationId).param("event", eventId).param("item", idea.id())
                .param("exclusive", idea.exclusive()).param("at", Timestamp.from(at)).update() == 1;
    }

    /** False when the guest had not picked it. */
    boolean unpick(UUID invitationId, String itemId) {
        return jdbc.sql("DELETE FROM idea_pick WHERE invitation_id = :id AND item_id = :item")
                .param("id", invitationId).param("item", itemId).update() == 1;
    }

    /**
     * Who the guest is to campaigns and models: their address in lower case, or the invitation itself; empty for an
     * invitation not stored (the organizer's preview of the page).
     */
    Optional<String> personKey(UUID invitationId) {
        return jdbc.sql("SELECT person_key FROM invitation WHERE id = :id").param("id", invitationId)
                .query(String.class).optional();
    }

    List<Pick> ofEvent(UUID eventId) {
        return names.open(jdbc.sql("SELECT p.item_id, p.invitation_id, i.guest_name, i.guest_name_sealed, "
                        + "p.picked_at FROM idea_pick p JOIN invitation i ON i.id = p.invitation_id "
                        + "WHERE p.party_event_id = :event AND i.revoked_at IS NULL ORDER BY p.item_id, p.picked_at")
                .param("event", eventId)
                .query((rs, n) -> {
                    String item = rs.getString("item_id");
                    UUID invitation = rs.getObject("invitation_id", UUID.class);
                    java.time.Instant at = rs.getTimestamp("picked_at").toInstant();
                    return GuestNames.Named.of(rs, invitation, name -> new Pick(item, invitation, name, at));
                })
                .list());
    }
}
