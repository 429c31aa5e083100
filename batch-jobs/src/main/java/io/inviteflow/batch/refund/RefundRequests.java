package io.inviteflow.batch.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The {@code refund_request} table: cancelled events heard of on Kafka, until their refund job completes. */
@Repository
class RefundRequests {

    record Request(UUID activityId, UUID partyEventId, String reason) {
    }

    private final JdbcClient jdbc;

    RefundRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: Kafka may deliver an activity twice. */
    void record(UUID activityId, UUID partyEventId, String reason) {
        jdbc.sql("INSERT INTO refund_request (activity_id, party_event_id, reason) VALUES (:id, :event, :reason) "
                        + "ON CONFLICT (activity_id) DO NOTHING")
                .param("id", activityId).param("event", partyEventId).param("reason", reason).update();
    }

    List<Request> open(int limit) {
        return jdbc.sql("SELECT activity_id, party_event_id, reason FROM refund_request WHERE completed_at IS NULL "
                        + "ORDER BY received_at, activity_id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
    }

    void completed(UUID activityId) {
        jdbc.sql("UPDATE refund_request SET completed_at = now() WHERE activity_id = :id").param("id", activityId)
                .update();
    }
}
