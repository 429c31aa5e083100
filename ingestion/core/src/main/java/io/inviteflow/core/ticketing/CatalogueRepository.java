package io.inviteflow.core.ticketing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class CatalogueRepository {

    private static final String TIER_COLUMNS = "id, event_id, name, description, price_minor, quantity, taken, "
            + "sales_start, sales_end, min_per_order, max_per_order, position";
    private static final String CODE_COLUMNS = "id, event_id, code, percent_off, amount_off_minor, max_uses, used, "
            + "valid_from, valid_until, tier_ids";

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TicketSettings> settings(UUID eventId) {
        return jdbc.sql("SELECT * FROM ticket_settings WHERE event_id = :event").param("event", eventId)
                .query((rs, n) -> new TicketSettings(eventId, rs.getString("currency"), rs.getInt("vat_basis_points"),
                        rs.getLong("fee_fixed_minor"), rs.getInt("fee_basis_points"),
                        rs.getBoolean("transfers_allowed"), (Integer) rs.getObject("cancel_until_hours_before"),
                        rs.getObject("refund_requests_until", OffsetDateTime.class)))
                .optional();
    }

    void saveSettings(TicketSettings s) {
        jdbc.sql("INSERT INTO ticket_settings (event_id, currency, vat_basis_points, fee_fixed_minor, fee_basis_points, "
                        + "transfers_allowed, cancel_until_hours_before, refund_requests_until) "
                        + "VALUES (:event, :currency, :vat, :feeFixed, :feeBp, :transfers, :cancelUntil, :refundUntil) "
                        + "ON CONFLICT (event_id) DO UPDATE SET currency = excluded.currency, "
                        + "vat_basis_points = excluded.vat_basis_points, fee_fixed_minor = excluded.fee_fixed_minor, "
                        + "fee_basis_points = excluded.fee_basis_points, transfers_allowed = excluded.transfers_allowed, "
                        + "cancel_until_hours_before = excluded.cancel_until_hours_before, "
                        + "refund_requests_until = excluded.refund_requests_until")
                .param("event", s.eventId()).param("currency", s.currency()).param("vat", s.vatBasisPoints())
                .param("feeFixed", s.feeFixedMinor()).param("feeBp", s.feeBasisPoints())
                .param("transfers", s.transfersAllowed()).param("cancelUntil", s.cancelUntilHoursBefore())
                .param("refundUntil", s.refundRequestsUntil())
                .update();
    }

    /** Buyers may ask for a refund until then (after a reschedule); no-op for events that sell nothing. */
    void openRefundWindow(UUID eventId, java.time.Instant until) {
        jdbc.sql("UPDATE ticket_settings SET refund_requests_until = :until WHERE event_id = :event")
                .param("event", eventId).param("until", java.sql.Timestamp.from(until)).update();
    }

    boolean hasOrders(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket_order WHERE event_id = :event)").param("event", eventId)
                .query(Boolean.class).single();
    }

    List<TicketTier> tiers(UUID eventId) {
        return jdbc.sql("SELECT " + TIER_COLUMNS + " FROM ticket_tier WHERE event_id = :event ORDER BY position, name")
                .param("event", eventId).query(CatalogueRepository::tier).list();
    }

    Optional<TicketTier> tier(UUID eventId, UUID tierId) {
        return jdbc.sql("SELECT " + TIER_COLUMNS + " FROM ticket_tier WHERE event_id = :event AND id = :id")
                .param("event", eventId).param("id", tierId).query(CatalogueRepository::tier).optional();
    }

    void insertTier(TicketTier t) {
        jdbc.sql("INSERT INTO ticket_tier (" + TIER_COLUMNS + ") VALUES (:id, :event, :name, :description, :price, "
                        + ":quantity, 0, :salesStart, :salesEnd, :min, :max, :position)")
                .param("id", t.id()).param("event", t.eventId()).param("name", t.name())
                .param("description", t.description()).param("price", t.priceMinor()).param("quantity", t.quantity())
                .param("salesStart", t.salesStart()).param("salesEnd", t.salesEnd()).param("min", t.minPerOrder())
                .param("max", t.maxPerOrder()).param("position", t.position())
                .update();
    }

    /** Changes a tier; false when it would leave fewer tickets than are already taken. */
    boolean updateTier(TicketTier t) {
        return jdbc.sql("UPDATE ticket_tier SET name = :name, description = :description, price_minor = :price, "
                        + "quantity = :quantity, sales_start = :salesStart, sales_end = :salesEnd, "
                        + "min_per_order = :min, max_per_order = :max, position = :position "
                        + "WHERE id = :id AND event_id = :event AND taken <= :quantity")
                .param("id", t.id()).param("event", t.eventId()).param("name", t.name())
                .param("description", t.description()).param("price", t.priceMinor()).param("quantity", t.quantity())
                .param("salesStart", t.salesStart()).param("salesEnd", t.salesEnd()).param("min", t.minPerOrder())
                .param("max", t.maxPerOrder()).param("position", t.position())
                .update() == 1;
    }

    /**
     * Takes {@code quantity} places if that many are left: one conditional UPDATE, so concurrent buyers queue on the
     * tier's row and the last place goes to exactly one of them.
     */
    boolean take(UUID tierId, int quantity) {
        return jdbc.sql("UPDATE ticket_tier SET taken = taken + :q WHERE id = :id AND taken + :q <= quantity")
                .param("id", tierId).param("q", quantity).update() == 1;
    }

    void giveBack(UUID tierId, int quantity) {
        jdbc.sql("UPDATE ticket_tier SET taken = taken - :q WHERE id = :id").param("id", tierId).param("q", quantity)
                .update();
    }

    List<Merchandise> merchandise(UUID eventId) {
        return jdbc.sql("SELECT id, event_id, name, quantity, taken FROM merchandise WHERE event_id = :event "
                        + "ORDER BY created_at")
                .param("event", eventId)
                .query((rs, n) -> new Merchandise(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("name"), rs.getInt("quantity"), rs.getInt("taken")))
                .list();
    }

    void insertMerchandise(Merchandise item) {
        jdbc.sql("INSERT INTO merchandise (id, event_id, name, quantity) VALUES (:id, :event, :name, :quantity)")
                .param("id", item.id()).param("event", item.eventId()).param("name", item.name())
                .param("quantity", item.quantity()).update();
    }

    /** The items each ticket of the tier includes (empty: not a bundle). */
    List<Merchandise.Included> included(UUID tierId) {
        return jdbc.sql("SELECT i.item_id, m.name, i.quantity FROM tier_item i JOIN merchandise m ON m.id = i.item_id "
                        + "WHERE i.tier_id = :tier ORDER BY m.name")
                .param("tier", tierId)
                .query((rs, n) -> new Merchandise.Included(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .list();
    }

    void include(UUID tierId, UUID itemId, int quantity) {
        jdbc.sql("INSERT INTO tier_item (tier_id, item_id, quantity) VALUES (:tier, :item, :quantity)")
                .param("tier", tierId).param("item", itemId).param("quantity", quantity).update();
    }

    /** Takes {@code quantity} of the item if that many are left (the same conditional UPDATE as {@link #take}). */
    boolean takeItem(UUID itemId, int quantity) {
        return jdbc.sql("UPDATE merchandise SET taken = taken + :q WHERE id = :id AND taken + :q <= quantity")
                .param("id", itemId).param("q", quantity).update() == 1;
    }

    void giveBackItem(UUID itemId, int quantity) {
        jdbc.sql("UPDATE merchandise SET taken = taken - :q WHERE id = :id").param("id", itemId).param("q", quantity)
                .update();
    }

    List<DiscountCode> codes(UUID eventId) {
        return jdbc.sql("SELECT " + CODE_COLUMNS + " FROM discount_code WHERE event_id = :event ORDER BY created_at")
                .param("event", eventId).query(CatalogueRepository::code).list();
    }

    Optional<DiscountCode> code(UUID eventId, String code) {
        return jdbc.sql("SELECT " + CODE_COLUMNS + " FROM discount_code WHERE event_id = :event "
                        + "AND upper(code) = upper(:code)")
                .param("event", eventId).param("code", code).query(CatalogueRepository::code).optional();
    }

    /** False when the code name is taken for this event. */
    boolean insertCode(DiscountCode c) {
        return jdbc.sql("INSERT INTO discount_code (" + CODE_COLUMNS + ") VALUES (:id, :event, :code, :percent, :amount, "
                        + ":maxUses, 0, :from, :until, :tiers) ON CONFLICT DO NOTHING")
                .param("id", c.id()).param("event", c.eventId()).param("code", c.code())
                .param("percent", c.percentOff()).param("amount", c.amountOffMinor()).param("maxUses", c.maxUses())
                .param("from", c.validFrom()).param("until", c.validUntil())
                .param("tiers", c.tierIds().isEmpty() ? null : c.tierIds().toArray(UUID[]::new))
                .update() == 1;
    }

    /** Counts one use if the code has one left (same conditional UPDATE as {@link #take}). */
    boolean use(UUID codeId) {
        return jdbc.sql("UPDATE discount_code SET used = used + 1 WHERE id = :id "
                        + "AND (max_uses IS NULL OR used < max_uses)")
                .param("id", codeId).update() == 1;
    }

    void unuse(UUID codeId) {
        jdbc.sql("UPDATE discount_code SET used = used - 1 WHERE id = :id").param("id", codeId).update();
    }

    private static TicketTier tier(ResultSet rs, int row) throws SQLException {
        return new TicketTier(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("name"), rs.getString("description"), rs.getLong("price_minor"), rs.getInt("quantity"),
                rs.getInt("taken"), rs.getObject("sales_start", OffsetDateTime.class),
                rs.getObject("sales_end", OffsetDateTime.class), rs.getInt("min_per_order"),
                rs.getInt("max_per_order"), rs.getInt("position"));
    }

    private static DiscountCode code(ResultSet rs, int row) throws SQLException {
        Array tiers = rs.getArray("tier_ids");
        return new DiscountCode(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("code"), (Integer) rs.getObject("percent_off"), (Long) rs.getObject("amount_off_minor"),
                (Integer) rs.getObject("max_uses"), rs.getInt("used"),
                rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_until", OffsetDateTime.class),
                tiers == null ? List.of() : Arrays.asList((UUID[]) tiers.getArray()));
    }
}
