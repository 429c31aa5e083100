package io.inviteflow.core.ticket;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.security.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scanners at the doors. The organizer makes one link per device ("Door A"); staff open it on a phone and scan, with
 * no account. The link's token is 128 random bits and only its SHA-256 is stored; revoking it stops the device.
 */
@Component
class CheckInDevices {


    private final JdbcClient jdbc;
    private final Events events;

    CheckInDevices(JdbcClient jdbc, Events events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    record Device(UUID id, UUID eventId, String name, Instant createdAt, Instant revokedAt) {
    }

    /** A new device and its token (shown once). */
    record Issued(Device device, String token) {
    }

    Issued create(UUID organizerId, UUID eventId, String name) {
        events.requireOwned(eventId, organizerId);
        String token = LinkTokens.random();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO check_in_device (id, event_id, name, token_hash) VALUES (:id, :event, :name, :hash)")
                .param("id", id).param("event", eventId).param("name", name.strip())
                .param("hash", LinkTokens.hash(token))
                .update();
        return new Issued(list(organizerId, eventId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(),
                token);
    }

    List<Device> list(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return jdbc.sql("SELECT * FROM check_in_device WHERE event_id = :event ORDER BY created_at")
                .param("event", eventId)
                .query((rs, n) -> new Device(rs.getObject("id", UUID.class), eventId, rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    boolean revoke(UUID organizerId, UUID eventId, UUID deviceId) {
        events.requireOwned(eventId, organizerId);
        return jdbc.sql("UPDATE check_in_device SET revoked_at = now() WHERE id = :id AND event_id = :event "
                        + "AND revoked_at IS NULL")
                .param("id", deviceId).param("event", eventId).update() == 1;
    }

    /** The live device behind a token. */
    Optional<Device> byToken(String token) {
        if (token == null || token.length() != 22) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM check_in_device WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", LinkTokens.hash(token))
                .query((rs, n) -> new Device(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("name"), rs.getTimestamp("created_at").toInstant(), null))
                .optional();
    }
}
