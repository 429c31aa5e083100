package io.inviteflow.core.ticket;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonSecrets;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final int FIRST_VERSION = 1;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalText text;
    private final BlindIndex index;
    private final PersonSecrets secrets;

    TicketRepository(JdbcClient jdbc, JdbcTemplate batch, PersonalText text, BlindIndex index,
                     PersonSecrets secrets) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.text = text;
        this.index = index;
        this.secrets = secrets;
    }

    /** A row read, its holder still sealed. */
    private record Row(Ticket ticket, byte[] holderName, byte[] holderEmail) {
    }

    record NewTicket(UUID id, UUID orderId, UUID tierId, UUID eventId, String holderName, String holderEmail) {
    }

    /** Inserts them, each holder sealed under their ticket's first secret (the secrets made for all in one batch). */
    void insertAll(List<NewTicket> tickets) {
        PersonalText.Sealer sealer = text.sealerForNew(tickets.stream()
                .map(t -> PersonalText.ticketKey(t.id(), FIRST_VERSION)).toList());
        batch.batchUpdate("INSERT INTO ticket (id, order_id, tier_id, event_id, holder_name_sealed, "
                + "holder_email_sealed, holder_email_index, status, code_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'VALID', ?)", tickets, 1000, (ps, t) -> {
                    String holder = PersonalText.ticketKey(t.id(), FIRST_VERSION);
                    ps.setObject(1, t.id());
                    ps.setObject(2, t.orderId());
                    ps.setObject(3, t.tierId());
                    ps.setObject(4, t.eventId());
                    ps.setBytes(5, sealer.seal(holder, PersonalText.NAME, t.holderName()));
                    ps.setBytes(6, sealer.seal(holder, PersonalText.EMAIL, t.holderEmail()));
                    ps.setBytes(7, index.ofEmail(t.holderEmail()));
                    ps.setInt(8, FIRST_VERSION);
                });
    }

    List<Ticket> ofOrder(UUID orderId) {
        return opened(jdbc.sql(SELECT + "WHERE t.order_id = :order ORDER BY t.issued_at, t.id").param("order", orderId)
                .query(TicketRepository::row).list());
    }

    Optional<Ticket> find(UUID id) {
        return opened(jdbc.sql(SELECT + "WHERE t.id = :id").param("id", id).query(TicketRepository::row).list())
                .stream().findFirst();
    }

    /** The holders opened after the rows are read (one query for their secrets, never inside a row mapper). */
    private List<Ticket> opened(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalText.Opener opener = text.openerFor(rows.stream().map(r -> keyOf(r.ticket())).toList());
        return rows.stream().map(r -> r.ticket().withHolder(
                opener.openOr(keyOf(r.ticket()), PersonalText.NAME, r.holderName(), r.ticket().holderName()),
                opener.openOr(keyOf(r.ticket()), PersonalText.EMAIL, r.holderEmail(), r.ticket().holderEmail())))
                .toList();
    }

    private static String keyOf(Ticket ticket) {
        return PersonalText.ticketKey(ticket.id(), ticket.codeVersion());
    }

    /** Lets the ticket in if it is valid, of this version and not yet in: one statement, so two doors cannot both. */
    boolean checkIn(UUID id, int version, UUID eventId, String device, Instant at) {
        return jdbc.sql("UPDATE ticket SET checked_in_at = :at, checked_in_device = :device WHERE id = :id "
                        + "AND event_id = :event AND code_version = :version AND status = 'VALID' "
                        + "AND checked_in_at IS NULL")
                .param("id", id).param("event", eventId).param("version", version).param("device", device)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Gives the ticket to someone else and voids its previous code, sealing the new holder under the new version's
     * secret and destroying the one before (the previous holder's copies in backups shred); false unless the ticket
     * is valid, not yet used and still of this version.
     */
    /** In the caller's transaction ({@link Tickets#transfer}). */
    boolean transfer(Ticket ticket, String name, String email) {
        // the row first: no secret is made for a ticket that cannot be given (used, voided, given meanwhile)
        boolean giveable = jdbc.sql("SELECT 1 FROM ticket WHERE id = :id AND code_version = :version "
                        + "AND status = 'VALID' AND checked_in_at IS NULL FOR UPDATE")
                .param("id", ticket.id()).param("version", ticket.codeVersion()).query(Integer.class).optional()
                .isPresent();
        if (!giveable) {
            return false;
        }
        String holder = PersonalText.ticketKey(ticket.id(), ticket.codeVersion() + 1);
        PersonalText.Sealer sealer = text.sealerFor(List.of(holder));
        jdbc.sql("UPDATE ticket SET holder_name = NULL, holder_email = NULL, holder_name_sealed = :name, "
                        + "holder_email_sealed = :email, holder_email_index = :emailIndex, "
                        + "code_version = code_version + 1 WHERE id = :id")
                .param("id", ticket.id())
                .param("name", sealer.seal(holder, PersonalText.NAME, name))
                .param("email", sealer.seal(holder, PersonalText.EMAIL, email))
                .param("emailIndex", index.ofEmail(email)).update();
        secrets.destroy(List.of(keyOf(ticket)));
        return true;
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

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(ticket(rs), rs.getBytes("holder_name_sealed"), rs.getBytes("holder_email_sealed"));
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("tier_id", UUID.class), rs.getString("tier_name"), rs.getObject("event_id", UUID.class),
                rs.getString("holder_name"), rs.getString("holder_email"),
                Ticket.Status.valueOf(rs.getString("status")), rs.getInt("code_version"),
                rs.getTimestamp("issued_at").toInstant(), checkedIn == null ? null : checkedIn.toInstant(),
                rs.getString("checked_in_device"));
    }
}
