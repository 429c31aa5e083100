package io.inviteflow.core.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** Sales per tier, straight from the orders (the live numbers; Flink computes the history). */
@Repository
class SalesRepository {

    private final JdbcClient jdbc;

    SalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param sold         tickets of paid orders (fully refunded ones are counted apart: their places are free again)
     * @param revenueMinor paid tickets' prices after discounts, before fees and partial refunds
     */
    record TierSales(UUID tierId, String name, long priceMinor, int quantity, int sold, int held, int refunded,
                     int left, long revenueMinor) {
    }

    List<TierSales> perTier(UUID eventId) {
        return jdbc.sql("SELECT t.id, t.name, t.price_minor, t.quantity, t.taken, "
                        + "coalesce(sum(l.quantity) FILTER (WHERE o.status = 'PAID'), 0) AS sold, "
                        + "coalesce(sum(l.quantity) FILTER (WHERE o.status = 'REFUNDED'), 0) AS refunded, "
                        + "coalesce(sum(l.quantity) FILTER (WHERE o.status = 'PENDING'), 0) AS held, "
                        + "coalesce(sum(l.quantity * l.unit_price_minor - l.discount_minor) "
                        + "  FILTER (WHERE o.status = 'PAID'), 0) AS revenue "
                        + "FROM ticket_tier t LEFT JOIN order_line l ON l.tier_id = t.id "
                        + "LEFT JOIN ticket_order o ON o.id = l.order_id "
                        + "WHERE t.event_id = :event GROUP BY t.id ORDER BY t.position, t.name")
                .param("event", eventId)
                .query((rs, n) -> new TierSales(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getLong("price_minor"), rs.getInt("quantity"), rs.getInt("sold"), rs.getInt("held"),
                        rs.getInt("refunded"), rs.getInt("quantity") - rs.getInt("taken"), rs.getLong("revenue")))
                .list();
    }
}
