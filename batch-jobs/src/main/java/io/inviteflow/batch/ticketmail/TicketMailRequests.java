package io.inviteflow.batch.ticketmail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The {@code ticket_mail} table: paid orders heard on Kafka until their tickets' mail is closed. */
@Repository
public class TicketMailRequests {

    /** One paid order waiting for its mail. */
    record Request(UUID activityId, UUID orderId, UUID partyEventId) {
    }

    private final JdbcClient jdbc;

    TicketMailRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: Kafka may deliver an activity twice. */
    public void record(UUID activityId, UUID orderId, UUID partyEventId) {
        jdbc.sql("INSERT INTO ticket_mail (activity_id, order_id, party_event_id) VALUES (:id, :order, :event) "
                        + "ON CONFLICT (activity_id) DO NOTHING")
                .param("id", activityId).param("order", orderId).param("event", partyEventId).update();
    }

    boolean anyOpen() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket_mail WHERE closed_at IS NULL)").query(Boolean.class)
                .single();
    }

    /** Counts a refused mail; given up (closed) after {@code limit}. */
    void refused(UUID activityId, int limit) {
        jdbc.sql("UPDATE ticket_mail SET attempts = attempts + 1, "
                        + "closed_at = CASE WHEN attempts + 1 >= :limit THEN now() END WHERE activity_id = :id")
                .param("id", activityId).param("limit", limit).update();
    }

    void close(List<UUID> activityIds) {
        jdbc.sql("UPDATE ticket_mail SET closed_at = now() WHERE activity_id = ANY(:ids)")
                .param("ids", activityIds.toArray(UUID[]::new)).update();
    }
}
