package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@Repository
class InvitationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InvitationRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record NewInvitation(UUID id, UUID partyEventId, byte[] tokenHash, String name, String email, String phone,
                         String message) {
    }

    void insertAll(List<NewInvitation> invitations) {
        batch.batchUpdate("""
                INSERT INTO invitation (id, party_event_id, token_hash, guest_name, guest_email, guest_phone, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", invitations, 1000, (ps, i) -> {
            ps.setObject(1, i.id());
            ps.setObject(2, i.partyEventId());
            ps.setBytes(3, i.tokenHash());
            ps.setString(4, i.name());
            ps.setString(5, i.email());
            ps.setString(6, i.phone());
            ps.setString(7, i.message());
        });
    }

    Optional<GuestInvitation> findByToken(String token) {
        return jdbc.sql("""
                        SELECT id, party_event_id, guest_name, message, response, plus_ones, note, answer_version
                        FROM invitation WHERE token_hash = :hash""")
                .param("hash", InvitationTokens.hash(token))
                .query((rs, row) -> new GuestInvitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : Rsvp.valueOf(rs.getString(5)),
                        rs.getInt(6), rs.getString(7), rs.getLong(8)))
                .optional();
    }

    void recordOpen(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE invitation SET open_count = open_count + 1,
                            first_opened_at = coalesce(first_opened_at, :at)
                        WHERE id = :id""")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    /**
     * Stores the answer of the invitation with this token in one statement and returns the invitation as answered,
     * or empty for an unknown token. The row lock taken by the UPDATE orders concurrent answers of one invitation,
     * so versions and outbox rows of one guest are written in the same order.
     */
    Optional<GuestInvitation> answer(String token, Rsvp response, int plusOnes, String note, Instant at) {
        return jdbc.sql("""
                        UPDATE invitation SET response = :response, plus_ones = :plusOnes, note = :note,
                            answer_version = answer_version + 1, answered_at = :at
                        WHERE token_hash = :hash
                        RETURNING id, party_event_id, guest_name, message, answer_version""")
                .param("hash", InvitationTokens.hash(token))
                .param("response", response.name())
                .param("plusOnes", plusOnes)
                .param("note", note)
                .param("at", utc(at))
                .query((rs, row) -> new GuestInvitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), response, plusOnes, note, rs.getLong(5)))
                .optional();
    }

    /** Unanswered invitations with an email, for events that have not started, after {@code after} in id order. */
    List<PendingInvitation> findPending(UUID after, UUID eventId, int limit, Function<UUID, String> linkFor) {
        return jdbc.sql("""
                        SELECT i.id, i.party_event_id, e.title, e.starts_at, e.time_zone, i.guest_name, i.guest_email
                        FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                        WHERE i.id > :after AND i.response IS NULL AND i.guest_email IS NOT NULL
                          AND e.starts_at > now() AND (CAST(:eventId AS uuid) IS NULL OR i.party_event_id = :eventId)
                        ORDER BY i.id
                        LIMIT :limit""")
                .param("after", after)
                .param("eventId", eventId, java.sql.Types.OTHER)
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String zone = rs.getString(5);
                    return new PendingInvitation(id, rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(java.time.ZoneId.of(zone))
                                    .toOffsetDateTime(),
                            zone, rs.getString(6), rs.getString(7), linkFor.apply(id));
                })
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
