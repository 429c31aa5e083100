package io.inviteflow.batch.refund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The {@code refund_request} table: cancelled events heard of on Kafka, until their refund job completes. */
@Repository
public class RefundRequests {

    record Request(UUID activityId, UUID partyEventId, String reason) {
    }

    private final JdbcClient jdbc;

    RefundRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: Kafka may deliver an activity twice. */
    public void record(UUID activityId, UUID partyEventId, String reason) {
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

    /** Counts a refused refund of the order; returns how many times it was refused so far. */
    int refused(UUID orderId, String error) {
        return jdbc.sql("INSERT INTO refund_attempt (order_id, attempts, last_error) VALUES (:order, 1, :error) "
                        + "ON CONFLICT (order_id) DO UPDATE SET attempts = refund_attempt.attempts + 1, "
                        + "last_error = EXCLUDED.last_error, updated_at = now() RETURNING attempts")
                .param("order", orderId).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .query(Integer.class).single();
    }

    void completed(UUID activityId) {
        jdbc.sql("UPDATE refund_request SET completed_at = now() WHERE activity_id = :id").param("id", activityId)
                .update();
    }
}
