package io.inviteflow.core.order;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.ticket.PlainHolders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Orders' buyers stored plain by releases before they were sealed, with their tickets' holders in the same
 * transaction (a person's own tickets are found by comparing holder with buyer); erased ones (address '') are left as
 * they are.
 */
@Component
class PlainBuyers implements LegacySealing.PlainRows {

    private record Buyer(UUID orderId, String name, String email) {
    }

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;
    private final PlainHolders holders;

    PlainBuyers(JdbcClient jdbc, PersonalText text, BlindIndex index, PlainHolders holders) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
        this.holders = holders;
    }

    @Override
    public int sealChunk(int limit) {
        List<Buyer> buyers = jdbc.sql("SELECT id, buyer_name, buyer_email FROM ticket_order WHERE buyer_email <> '' "
                        + "LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query((rs, n) -> new Buyer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
        PersonalText.Sealer sealer = text.sealerFor(buyers.stream().map(b -> PersonalText.orderKey(b.orderId()))
                .toList());
        for (Buyer b : buyers) {
            String buyer = PersonalText.orderKey(b.orderId());
            jdbc.sql("UPDATE ticket_order SET buyer_name_sealed = :name, buyer_email_sealed = :email, "
                            + "buyer_email_index = :emailIndex, buyer_name = NULL, buyer_email = NULL WHERE id = :id")
                    .param("id", b.orderId()).param("name", sealer.seal(buyer, PersonalText.NAME, b.name()))
                    .param("email", sealer.seal(buyer, PersonalText.EMAIL, b.email()))
                    .param("emailIndex", index.ofEmail(b.email())).update();
        }
        return buyers.size() + holders.sealOfOrders(buyers.stream().map(Buyer::orderId).toList());
    }
}
