package io.inviteflow.core.ticket;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Tickets' holders stored plain by releases before they were sealed; erased ones (address '') are left as they are.
 * An order's buyer and its tickets are sealed together ({@link #sealOfOrders}, by the order's sealing), so a holder is
 * never compared with a buyer sealed while the other is still plain; what is left here are tickets of erased orders.
 */
@Component
public class PlainHolders implements LegacySealing.PlainRows {

    private record Holder(UUID ticketId, int codeVersion, String name, String email) {
    }

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;

    PlainHolders(JdbcClient jdbc, PersonalText text, BlindIndex index) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
    }

    @Override
    public int sealChunk(int limit) {
        // not those of an order still plain: they go with it
        return seal(jdbc.sql("SELECT t.id, t.code_version, t.holder_name, t.holder_email FROM ticket t "
                        + "JOIN ticket_order o ON o.id = t.order_id WHERE t.holder_email <> '' "
                        + "AND coalesce(o.buyer_email, '') = '' LIMIT :limit FOR UPDATE OF t SKIP LOCKED")
                .param("limit", limit)
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4))).list());
    }

    /** Seals the plain holders of these orders' tickets, in the caller's transaction; @return how many */
    public int sealOfOrders(List<UUID> orders) {
        return orders.isEmpty() ? 0 : seal(jdbc.sql("SELECT id, code_version, holder_name, holder_email FROM ticket "
                        + "WHERE order_id = ANY(:orders) AND holder_email <> '' FOR UPDATE")
                .param("orders", orders.toArray(UUID[]::new))
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4))).list());
    }

    private int seal(List<Holder> holders) {
        PersonalText.Sealer sealer = text.sealerFor(holders.stream()
                .map(h -> PersonalText.ticketKey(h.ticketId(), h.codeVersion())).toList());
        for (Holder h : holders) {
            String holder = PersonalText.ticketKey(h.ticketId(), h.codeVersion());
            jdbc.sql("UPDATE ticket SET holder_name_sealed = :name, holder_email_sealed = :email, "
                            + "holder_email_index = :emailIndex, holder_name = NULL, holder_email = NULL WHERE id = :id")
                    .param("id", h.ticketId()).param("name", sealer.seal(holder, PersonalText.NAME, h.name()))
                    .param("email", sealer.seal(holder, PersonalText.EMAIL, h.email()))
                    .param("emailIndex", index.ofEmail(h.email())).update();
        }
        return holders.size();
    }
}
