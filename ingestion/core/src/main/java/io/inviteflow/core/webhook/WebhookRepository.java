package io.inviteflow.core.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class WebhookRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final WebhookSecrets secrets;

    WebhookRepository(JdbcClient jdbc, JdbcTemplate batch, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.secrets = secrets;
    }

    /** An endpoint as listed: its signing secret is read only to sign ({@link #lockDue}). */
    record Endpoint(UUID id, UUID organizerId, String url, List<String> types, boolean active,
                    OffsetDateTime createdAt) {
    }

    void insert(Endpoint e, String secret) {
        jdbc.sql("""
                        INSERT INTO webhook_endpoint (id, organizer_id, url, secret_sealed, types)
                        VALUES (:id, :org, :url, :secret, :types)""")
                .param("id", e.id()).param("org", e.organizerId()).param("url", e.url())
                .param("secret", secrets.seal(e.id(), secret)).param("types", e.types().toArray(String[]::new))
                .update();
    }

    List<Endpoint> ofOrganizer(UUID organizerId) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE organizer_id = :org AND active ORDER BY created_at")
                .param("org", organizerId).query((rs, n) -> endpoint(rs)).list();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id").param("id", id)
                .query((rs, n) -> endpoint(rs)).optional();
    }

    void deactivate(UUID id) {
        jdbc.sql("UPDATE webhook_endpoint SET active = false WHERE id = :id").param("id", id).update();
    }

    /** Active endpoints of the organizer of each event, that take this activity type. */
    List<Endpoint> subscribers(UUID partyEventId, String type) {
        return jdbc.sql("""
                        SELECT w.* FROM webhook_endpoint w JOIN party_event e ON e.organizer_id = w.organizer_id
                        WHERE e.id = :event AND w.active AND :type = ANY(w.types)""")
                .param("event", partyEventId).param("type", type).query((rs, n) -> endpoint(rs)).list();
    }

    record NewDelivery(UUID id, UUID endpointId, UUID activityId, String type, String body) {
    }

    void insertDeliveries(List<NewDelivery> deliveries) {
        batch.batchUpdate("""
                INSERT INTO webhook_delivery (id, endpoint_id, activity_id, activity_type, body)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (endpoint_id, activity_id) DO NOTHING""", deliveries, 500,
                (ps, d) -> {
                    ps.setObject(1, d.id());
                    ps.setObject(2, d.endpointId());
                    ps.setObject(3, d.activityId());
                    ps.setString(4, d.type());
                    ps.setString(5, d.body());
                });
    }

    /** @param secret the endpoint's signing secret; null when it no longer opens (the master key changed) */
    record Due(UUID id, UUID activityId, String body, int attempts, String url, UUID endpointId, String secret) {
    }

    /**
     * Locks up to {@code limit} due deliveries; rows another instance holds are skipped, so several cores share the
     * work and never deliver one twice at the same time.
     */
    List<Due> lockDue(int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.activity_id, d.body, d.attempts, w.url, w.id, w.secret_sealed
                        FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
                        ORDER BY d.next_attempt_at
                        LIMIT :limit
                        FOR UPDATE OF d SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getObject(6, UUID.class),
                        openOrNull(rs.getObject(6, UUID.class), rs.getBytes(7))))
                .list();
    }

    /** One endpoint whose secret does not open must not hold up every other endpoint's deliveries. */
    private String openOrNull(UUID endpointId, byte[] sealed) {
        try {
            return secrets.open(endpointId, sealed);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    void recordAttempt(UUID deliveryId, int attempt, Instant at, Integer status, String error, long durationMs) {
        jdbc.sql("""
                        INSERT INTO webhook_attempt (delivery_id, attempt, at, http_status, error, duration_ms)
                        VALUES (:id, :attempt, :at, :status, :error, :duration)""")
                .param("id", deliveryId).param("attempt", attempt).param("at", at.atOffset(ZoneOffset.UTC))
                .param("status", status).param("error", error).param("duration", (int) durationMs).update();
    }

    void delivered(UUID deliveryId, int attempts, Instant at) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = :attempts, delivered_at = :at
                        WHERE id = :id""")
                .param("id", deliveryId).param("attempts", attempts).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    void retryLater(UUID deliveryId, int attempts, Instant next, boolean giveUp) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = :attempts, next_attempt_at = :next,
                            status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END
                        WHERE id = :id""")
                .param("id", deliveryId).param("attempts", attempts).param("next", next.atOffset(ZoneOffset.UTC))
                .param("giveUp", giveUp).update();
    }

    record Attempt(int attempt, OffsetDateTime at, Integer httpStatus, String error, int durationMs) {
    }

    record DeliveryLog(UUID id, UUID activityId, String type, String status, int attempts,
                       OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, List<Attempt> log) {
    }

    List<DeliveryLog> deliveries(UUID endpointId, int limit) {
        List<DeliveryLog> deliveries = jdbc.sql("""
                        SELECT id, activity_id, activity_type, status, attempts, next_attempt_at, delivered_at
                        FROM webhook_delivery WHERE endpoint_id = :endpoint ORDER BY created_at DESC, id LIMIT :limit""")
                .param("endpoint", endpointId).param("limit", limit)
                .query((rs, n) -> new DeliveryLog(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class), new java.util.ArrayList<>()))
                .list();
        for (DeliveryLog d : deliveries) {
            d.log().addAll(jdbc.sql("""
                            SELECT attempt, at, http_status, error, duration_ms FROM webhook_attempt
                            WHERE delivery_id = :id ORDER BY attempt""")
                    .param("id", d.id())
                    .query((rs, n) -> new Attempt(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                            (Integer) rs.getObject(3), rs.getString(4), rs.getInt(5)))
                    .list());
        }
        return deliveries;
    }

    private static Endpoint endpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array types = rs.getArray("types");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("organizer_id", UUID.class),
                rs.getString("url"), Arrays.asList((String[]) types.getArray()),
                rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
