package io.inviteflow.core.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class TicketRepository {

    private static final String SELECT = "SELECT t.*, tier.name AS tier_name FROM ticket t "
            + "JOIN ticket_tier tier ON tier.id = t.tier_id ";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID orderId, UUID tierId, UUID eventId, String holderName, String holderEmail) {
        jdbc.sql("INSERT INTO ticket (id, order_id, tier_id, event_id, holder_name, holder_email, status) "
                        + "VALUES (:id, :order, :tier, :event, :name, :email, 'VALID')")
                .param("id", id).param("order", orderId).param("tier", tierId).param("event", eventId)
                .param("name", holderName).param("email", holderEmail).update();
    }

    List<Ticket> ofOrder(UUID orderId) {
        return jdbc.sql(SELECT + "WHERE t.order_id = :order ORDER BY t.issued_at, t.id").param("order", orderId)
                .query(TicketRepository::ticket).list();
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id").param("id", id).query(TicketRepository::ticket).optional();
    }

    /** Lets the ticket in if it is valid, of this version and not yet in: one statement, so two doors cannot both. */
    boolean checkIn(UUID id, int version, UUID eventId, String device, Instant at) {
        return jdbc.sql("UPDATE ticket SET checked_in_at = :at, checked_in_device = :device WHERE id = :id "
                        + "AND event_id = :event AND code_version = :version AND status = 'VALID' "
                        + "AND checked_in_at IS NULL")
                .param("id", id).param("event", eventId).param("version", version).param("device", device)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Gives the ticket to someone else and voids its previous code; false unless valid and not yet used. */
    boolean transfer(UUID id, String name, String email) {
        return jdbc.sql("UPDATE ticket SET holder_name = :name, holder_email = :email, code_version = code_version + 1 "
                        + "WHERE id = :id AND status = 'VALID' AND checked_in_at IS NULL")
                .param("id", id).param("name", name).param("email", email).update() == 1;
    }

    int voidOrder(UUID orderId, Ticket.Status status) {
        return jdbc.sql("UPDATE ticket SET status = :status WHERE order_id = :order AND status = 'VALID'")
                .param("order", orderId).param("status", status.name()).update();
    }

    record Counts(int valid, int checkedIn) {
    }

    Counts counts(UUID eventId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE status = 'VALID') AS valid, "
                        + "count(*) FILTER (WHERE status = 'VALID' AND checked_in_at IS NOT NULL) AS checked_in "
                        + "FROM ticket WHERE event_id = :event")
                .param("event", eventId).query((rs, n) -> new Counts(rs.getInt("valid"), rs.getInt("checked_in")))
                .single();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("tier_id", UUID.class), rs.getString("tier_name"), rs.getObject("event_id", UUID.class),
                rs.getString("holder_name"), rs.getString("holder_email"),
                Ticket.Status.valueOf(rs.getString("status")), rs.getInt("code_version"),
                rs.getTimestamp("issued_at").toInstant(), checkedIn == null ? null : checkedIn.toInstant(),
                rs.getString("checked_in_device"));
    }
}
