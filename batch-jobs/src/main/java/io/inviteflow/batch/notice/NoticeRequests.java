package io.inviteflow.batch.notice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The {@code notice_request} table: changes heard of on Kafka, until their notice job completes. */
@Repository
class NoticeRequests {

    record Request(UUID activityId, NoticeKind kind, UUID partyEventId, UUID invitationId, String reason) {
    }

    private final JdbcClient jdbc;

    NoticeRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: Kafka may deliver an activity twice. */
    void record(UUID activityId, NoticeKind kind, UUID partyEventId, UUID invitationId, String payload) {
        jdbc.sql("""
                        INSERT INTO notice_request (activity_id, activity_type, party_event_id, invitation_id, payload)
                        VALUES (:id, :type, :event, :invitation, :payload) ON CONFLICT (activity_id) DO NOTHING""")
                .param("id", activityId).param("type", kind.name()).param("event", partyEventId)
                .param("invitation", invitationId, java.sql.Types.OTHER).param("payload", payload)
                .update();
    }

    List<Request> open(int limit) {
        return jdbc.sql("""
                        SELECT activity_id, activity_type, party_event_id, invitation_id,
                               CAST(payload AS json) ->> 'reason'
                        FROM notice_request WHERE completed_at IS NULL ORDER BY received_at, activity_id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new Request(rs.getObject(1, UUID.class), NoticeKind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5)))
                .list();
    }

    void completed(UUID activityId) {
        jdbc.sql("UPDATE notice_request SET completed_at = now() WHERE activity_id = :id")
                .param("id", activityId).update();
    }
}
