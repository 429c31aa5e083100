package io.inviteflow.core.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Gateway calls that failed, and payments that fit no order: what admins look at. */
@Component
public class GatewayErrors {

    private final JdbcClient jdbc;

    GatewayErrors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record GatewayError(long id, String gateway, String operation, UUID orderId, String code, String message,
                               Instant occurredAt) {
    }

    public void record(String gateway, String operation, UUID orderId, String code, String message) {
        jdbc.sql("INSERT INTO gateway_error (gateway, operation, order_id, code, message) "
                        + "VALUES (:gateway, :operation, :order, :code, :message)")
                .param("gateway", gateway).param("operation", operation).param("order", orderId)
                .param("code", code).param("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .update();
    }

    /** The latest errors about the event's orders. */
    public List<GatewayError> ofEvent(UUID eventId, int limit) {
        return jdbc.sql("SELECT e.* FROM gateway_error e JOIN ticket_order o ON o.id = e.order_id "
                        + "WHERE o.event_id = :event ORDER BY e.id DESC LIMIT :limit")
                .param("event", eventId).param("limit", limit)
                .query((rs, n) -> new GatewayError(rs.getLong("id"), rs.getString("gateway"),
                        rs.getString("operation"), rs.getObject("order_id", UUID.class), rs.getString("code"),
                        rs.getString("message"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
