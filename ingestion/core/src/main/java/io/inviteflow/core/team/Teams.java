package io.inviteflow.core.team;

import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.account.Organizers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who is on which organizer's team ({@code team_member}). */
@Component
class Teams {

    /** A member as the owner sees them. */
    record Member(UUID memberId, String name, String email, TeamRole role, UUID eventId, Instant addedAt) {

        /** Their account's name and address (sealed: read after the query). */
        Member of(Organizer account) {
            return new Member(memberId, account.name(), account.email(), role, eventId, addedAt);
        }
    }

    /** A team the signed-in person is on. */
    record Membership(UUID ownerId, String ownerName, TeamRole role, UUID eventId, String eventTitle,
                      Instant addedAt) {

        /** Its owner's name (sealed: read after the query). */
        Membership ownedBy(Organizer owner) {
            return new Membership(ownerId, owner.name(), role, eventId, eventTitle, addedAt);
        }
    }

    private final JdbcClient jdbc;
    private final Organizers organizers;

    Teams(JdbcClient jdbc, Organizers organizers) {
        this.jdbc = jdbc;
        this.organizers = organizers;
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
        List<Member> sealed = jdbc.sql("""
                        SELECT member_id, role, event_id, added_at FROM team_member
                        WHERE owner_id = :owner AND event_id IS NOT DISTINCT FROM CAST(:event AS uuid)
                        ORDER BY added_at, member_id""")
                .param("owner", ownerId).param("event", eventId, java.sql.Types.OTHER)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), null, null,
                        TeamRole.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
        // their accounts' names and addresses are sealed: opened together, after the query
        Map<UUID, Organizer> accounts = organizers.findAll(sealed.stream().map(Member::memberId).toList());
        return sealed.stream().map(m -> m.of(accounts.get(m.memberId()))).toList();
    }

    boolean remove(UUID ownerId, UUID memberId, UUID eventId) {
        return jdbc.sql("DELETE FROM team_member WHERE owner_id = :owner AND member_id = :member "
                        + "AND event_id IS NOT DISTINCT FROM CAST(:event AS uuid)")
                .param("owner", ownerId).param("member", memberId).param("event", eventId, java.sql.Types.OTHER)
                .update() == 1;
    }

    /** The teams the member is on, by their owners' names as people sort them, then by event date. */
    List<Membership> of(UUID memberId) {
        List<Membership> sealed = jdbc.sql("""
                        SELECT t.owner_id, t.role, t.event_id, e.title, t.added_at
                        FROM team_member t LEFT JOIN party_event e ON e.id = t.event_id
                        WHERE t.member_id = :member ORDER BY e.starts_at, t.added_at""")
                .param("member", memberId)
                .query((rs, n) -> new Membership(rs.getObject(1, UUID.class), null,
                        TeamRole.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        Map<UUID, Organizer> owners = organizers.findAll(sealed.stream().map(Membership::ownerId).toList());
        List<Membership> opened = new ArrayList<>(sealed.stream().map(m -> m.ownedBy(owners.get(m.ownerId())))
                .toList());
        opened.sort(Comparator.comparing(Membership::ownerName, Collator.getInstance(Locale.ROOT))); // stable
        return opened;
    }
}
