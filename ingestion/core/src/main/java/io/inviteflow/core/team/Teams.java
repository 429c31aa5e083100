package io.inviteflow.core.team;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who is on which organizer's team ({@code team_member}). */
@Component
class Teams {

    /** A member as the owner sees them. */
    record Member(UUID memberId, String name, String email, TeamRole role, UUID eventId, Instant addedAt) {
    }

    /** A team the signed-in person is on. */
    record Membership(UUID ownerId, String ownerName, TeamRole role, UUID eventId, String eventTitle,
                      Instant addedAt) {
    }

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A place on an event's team: whose event, and as what. */
    record Seat(UUID ownerId, TeamRole role) {
    }

    Optional<Seat> seatOn(UUID eventId, UUID memberId) {
        return jdbc.sql("SELECT owner_id, role FROM team_member WHERE event_id = :event AND member_id = :member")
                .param("event", eventId).param("member", memberId)
                .query((rs, n) -> new Seat(rs.getObject(1, UUID.class), TeamRole.valueOf(rs.getString(2))))
                .optional();
    }

    boolean isMarketing(UUID ownerId, UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM team_member WHERE owner_id = :owner AND member_id = :member "
                        + "AND event_id IS NULL")
                .param("owner", ownerId).param("member", memberId).query(Long.class).single() > 0;
    }

    /** Adds the member; false when they were on it already. */
    boolean add(UUID ownerId, UUID memberId, TeamRole role, UUID eventId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO team_member (owner_id, member_id, event_id, role, added_at)
                        VALUES (:owner, :member, :event, :role, :at) ON CONFLICT DO NOTHING""")
                .param("owner", ownerId).param("member", memberId).param("event", eventId, java.sql.Types.OTHER)
                .param("role", role.name()).param("at", java.sql.Timestamp.from(at)).update() == 1;
    }

    /** The owner's marketing team ({@code eventId} null) or the event's co-organizers and viewers. */
    List<Member> members(UUID ownerId, UUID eventId) {
        return jdbc.sql("""
                        SELECT t.member_id, o.name, o.email, t.role, t.event_id, t.added_at
                        FROM team_member t JOIN organizer o ON o.id = t.member_id
                        WHERE t.owner_id = :owner AND t.event_id IS NOT DISTINCT FROM CAST(:event AS uuid)
                        ORDER BY t.added_at, t.member_id""")
                .param("owner", ownerId).param("event", eventId, java.sql.Types.OTHER)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        TeamRole.valueOf(rs.getString(4)), rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    boolean remove(UUID ownerId, UUID memberId, UUID eventId) {
        return jdbc.sql("DELETE FROM team_member WHERE owner_id = :owner AND member_id = :member "
                        + "AND event_id IS NOT DISTINCT FROM CAST(:event AS uuid)")
                .param("owner", ownerId).param("member", memberId).param("event", eventId, java.sql.Types.OTHER)
                .update() == 1;
    }

    List<Membership> of(UUID memberId) {
        return jdbc.sql("""
                        SELECT t.owner_id, o.name, t.role, t.event_id, e.title, t.added_at
                        FROM team_member t JOIN organizer o ON o.id = t.owner_id
                        LEFT JOIN party_event e ON e.id = t.event_id
                        WHERE t.member_id = :member ORDER BY o.name, e.starts_at, t.added_at""")
                .param("member", memberId)
                .query((rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2),
                        TeamRole.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
