package io.inviteflow.core.order;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.ticketing.Quote;
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
class OrderRepository {

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;

    OrderRepository(JdbcClient jdbc, PersonalText text, BlindIndex index) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
    }

    /** A row read, its buyer still sealed. */
    private record Row(Order order, byte[] buyerName, byte[] buyerEmail) {
    }

    void insert(UUID id, UUID eventId, UUID invitationId, String buyerName, String buyerEmail, Order.Status status,
                Quote quote, UUID codeId, Instant holdExpiresAt, String gateway) {
        String buyer = PersonalText.orderKey(id);
        PersonalText.Sealer sealer = text.sealerForNew(List.of(buyer));
        jdbc.sql("INSERT INTO ticket_order (id, event_id, invitation_id, buyer_name_sealed, buyer_email_sealed, "
                        + "buyer_email_index, status, currency, subtotal_minor, discount_minor, fee_minor, vat_minor, "
                        + "total_minor, discount_code_id, hold_expires_at, gateway) VALUES (:id, :event, :invitation, "
                        + ":name, :email, :emailIndex, :status, :currency, :subtotal, :discount, :fee, :vat, :total, "
                        + ":code, :hold, :gateway)")
                .param("id", id).param("event", eventId).param("invitation", invitationId)
                .param("name", sealer.seal(buyer, PersonalText.NAME, buyerName))
                .param("email", sealer.seal(buyer, PersonalText.EMAIL, buyerEmail))
                .param("emailIndex", index.ofEmail(buyerEmail))
                .param("status", status.name()).param("currency", quote.currency())
                .param("subtotal", quote.subtotalMinor()).param("discount", quote.discountMinor())
                .param("fee", quote.feeMinor()).param("vat", quote.vatMinor()).param("total", quote.totalMinor())
                .param("code", codeId).param("hold", Timestamp.from(holdExpiresAt)).param("gateway", gateway)
                .update();
        for (Quote.Line line : quote.lines()) {
            jdbc.sql("INSERT INTO order_line (order_id, tier_id, quantity, unit_price_minor, discount_minor) "
                            + "VALUES (:order, :tier, :quantity, :price, :discount)")
                    .param("order", id).param("tier", line.tierId()).param("quantity", line.quantity())
                    .param("price", line.unitPriceMinor()).param("discount", line.discountMinor())
                    .update();
        }
    }

    Optional<Order> find(UUID id) {
        return one("SELECT * FROM ticket_order WHERE id = :id", id);
    }

    /** The order, locked until the caller's transaction ends: payment, expiry and refunds of one order queue here. */
    Optional<Order> lock(UUID id) {
        return one("SELECT * FROM ticket_order WHERE id = :id FOR UPDATE", id);
    }

    Optional<UUID> byPayment(String gateway, String reference) {
        return jdbc.sql("SELECT id FROM ticket_order WHERE gateway = :gateway AND payment_reference = :reference")
                .param("gateway", gateway).param("reference", reference).query(UUID.class).optional();
    }

    void setPayment(UUID id, String reference, String clientSecret, String approveUrl) {
        jdbc.sql("UPDATE ticket_order SET payment_reference = :reference, client_secret = :secret, "
                        + "approve_url = :approve WHERE id = :id")
                .param("id", id).param("reference", reference).param("secret", clientSecret)
                .param("approve", approveUrl).update();
    }

    int nextAttempt(UUID id) {
        return jdbc.sql("UPDATE ticket_order SET payment_attempts = payment_attempts + 1 WHERE id = :id "
                        + "RETURNING payment_attempts")
                .param("id", id).query(Integer.class).single();
    }

    void markPaid(UUID id, Instant paidAt) {
        jdbc.sql("UPDATE ticket_order SET status = 'PAID', paid_at = :paidAt WHERE id = :id")
                .param("id", id).param("paidAt", Timestamp.from(paidAt)).update();
    }

    void markExpired(UUID id) {
        jdbc.sql("UPDATE ticket_order SET status = 'EXPIRED' WHERE id = :id").param("id", id).update();
    }

    /** Ends the holds of the event's unpaid orders now: the expiry cancels their payments and frees their places. */
    void endHolds(UUID eventId, Instant now) {
        jdbc.sql("UPDATE ticket_order SET hold_expires_at = :now WHERE event_id = :event AND status = 'PENDING'")
                .param("event", eventId).param("now", Timestamp.from(now)).update();
    }

    /** A pending order whose payment is still settling at the gateway waits this much longer before it is asked again. */
    void extendHold(UUID id, Instant until) {
        jdbc.sql("UPDATE ticket_order SET hold_expires_at = :until WHERE id = :id AND status = 'PENDING'")
                .param("id", id).param("until", Timestamp.from(until)).update();
    }

    /** Which of the invitations have a paid order for the event. */
    List<UUID> buyersAmong(UUID eventId, List<UUID> invitationIds) {
        return jdbc.sql("SELECT DISTINCT invitation_id FROM ticket_order WHERE event_id = :event AND status = 'PAID' "
                        + "AND invitation_id = ANY(:ids)")
                .param("event", eventId).param("ids", invitationIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** Unpaid orders whose hold ran out, oldest first. */
    List<UUID> expiredHolds(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM ticket_order WHERE status = 'PENDING' AND hold_expires_at <= :now "
                        + "ORDER BY hold_expires_at LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** The orders a guest placed with their invitation, newest first. */
    List<Order> ofInvitation(UUID invitationId) {
        return complete(jdbc.sql("SELECT * FROM ticket_order WHERE invitation_id = :invitation "
                        + "ORDER BY created_at DESC LIMIT 20")
                .param("invitation", invitationId).query(OrderRepository::row).list());
    }

    /** How many of the event's orders are in each status (statuses without orders are left out). */
    java.util.Map<Order.Status, Integer> countsByStatus(UUID eventId) {
        java.util.Map<Order.Status, Integer> counts = new java.util.EnumMap<>(Order.Status.class);
        jdbc.sql("SELECT status, count(*) FROM ticket_order WHERE event_id = :event GROUP BY status")
                .param("event", eventId)
                .query((rs, n) -> counts.put(Order.Status.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    List<Order> ofEvent(UUID eventId, int limit) {
        return complete(jdbc.sql("SELECT * FROM ticket_order WHERE event_id = :event "
                        + "ORDER BY created_at DESC LIMIT :limit")
                .param("event", eventId).param("limit", limit).query(OrderRepository::row).list());
    }

    private Optional<Order> one(String sql, UUID id) {
        return complete(jdbc.sql(sql).param("id", id).query(OrderRepository::row).list()).stream().findFirst();
    }

    /**
     * The orders with their buyers opened and their lines, both read after the rows with one query each, never inside
     * a row mapper: a nested query there would take a second pooled connection while holding the first, and a busy
     * pool then deadlocks on itself. An erased buyer (no box) keeps what the erasure wrote.
     */
    private List<Order> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalText.Opener opener = text.openerFor(rows.stream().map(r -> PersonalText.orderKey(r.order().id()))
                .toList());
        List<Order> orders = rows.stream().map(r -> {
            String buyer = PersonalText.orderKey(r.order().id());
            return r.order().withBuyer(
                    opener.openOr(buyer, PersonalText.NAME, r.buyerName(), r.order().buyerName()),
                    opener.openOr(buyer, PersonalText.EMAIL, r.buyerEmail(), r.order().buyerEmail()));
        }).toList();
        java.util.Map<UUID, List<Order.Line>> lines = new java.util.HashMap<>();
        jdbc.sql("SELECT order_id, tier_id, quantity, unit_price_minor, discount_minor FROM order_line "
                        + "WHERE order_id = ANY(:ids) ORDER BY order_id, tier_id")
                .param("ids", orders.stream().map(Order::id).toArray(UUID[]::new))
                .query((l, n) -> lines.computeIfAbsent(l.getObject("order_id", UUID.class),
                                k -> new java.util.ArrayList<>()).add(new Order.Line(l.getObject("tier_id", UUID.class), l.getInt("quantity"),
                                l.getLong("unit_price_minor"), l.getLong("discount_minor"))))
                .list();
        return orders.stream().map(o -> o.withLines(lines.getOrDefault(o.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(order(rs), rs.getBytes("buyer_name_sealed"), rs.getBytes("buyer_email_sealed"));
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getObject("invitation_id", UUID.class),
                rs.getString("buyer_name"), rs.getString("buyer_email"), Order.Status.valueOf(rs.getString("status")),
                rs.getString("currency"), rs.getLong("subtotal_minor"), rs.getLong("discount_minor"),
                rs.getLong("fee_minor"), rs.getLong("vat_minor"), rs.getLong("total_minor"),
                rs.getLong("refunded_minor"), rs.getObject("discount_code_id", UUID.class),
                instant(rs, "hold_expires_at"), rs.getString("gateway"), rs.getString("payment_reference"),
                rs.getString("client_secret"), rs.getString("approve_url"), rs.getInt("payment_attempts"),
                instant(rs, "created_at"), instant(rs, "paid_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Paid orders of the event with money left to refund, in id order after {@code after}. */
    List<Order> refundable(UUID eventId, UUID after, int limit) {
        return complete(jdbc.sql("SELECT * FROM ticket_order WHERE event_id = :event AND status = 'PAID' "
                        + "AND total_minor > refunded_minor AND id > :after ORDER BY id LIMIT :limit")
                .param("event", eventId).param("after", after).param("limit", limit)
                .query(OrderRepository::row).list());
    }

    /** Records a refund made by the gateway; false when this key was recorded before (a retry). */
    boolean insertRefund(UUID orderId, String idempotencyKey, long amountMinor, String reason, String reference) {
        return jdbc.sql("INSERT INTO refund (id, order_id, idempotency_key, amount_minor, reason, gateway_reference) "
                        + "VALUES (:id, :order, :key, :amount, :reason, :reference) ON CONFLICT DO NOTHING")
                .param("id", UUID.randomUUID()).param("order", orderId).param("key", idempotencyKey)
                .param("amount", amountMinor).param("reason", reason).param("reference", reference)
                .update() == 1;
    }

    Optional<Refund> refundByKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM refund WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query(OrderRepository::refund).optional();
    }

    List<Refund> refundsOf(UUID orderId) {
        return jdbc.sql("SELECT * FROM refund WHERE order_id = :order ORDER BY created_at").param("order", orderId)
                .query(OrderRepository::refund).list();
    }

    /** Adds to what was refunded; the order becomes REFUNDED once all of it is. */
    void addRefunded(UUID orderId, long amountMinor) {
        jdbc.sql("UPDATE ticket_order SET refunded_minor = refunded_minor + :amount, status = CASE "
                        + "WHEN refunded_minor + :amount = total_minor THEN 'REFUNDED' ELSE status END WHERE id = :id")
                .param("id", orderId).param("amount", amountMinor).update();
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("idempotency_key"), rs.getLong("amount_minor"), rs.getString("reason"),
                rs.getString("gateway_reference"), rs.getTimestamp("created_at").toInstant());
    }
}
