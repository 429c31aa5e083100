package io.inviteflow.core.order;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Orders' buyers stored plain by releases before they were sealed; erased ones (address '') are left as they are. */
@Component
class PlainBuyers implements LegacySealing.PlainRows {

    private record Buyer(UUID orderId, String name, String email) {
    }

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final BlindIndex index;

    PlainBuyers(JdbcClient jdbc, PersonalText text, BlindIndex index) {
        this.jdbc = jdbc;
        this.text = text;
        this.index = index;
    }

    @Override
    public int sealChunk(int limit) {
        List<Buyer> buyers = jdbc.sql("SELECT id, buyer_name, buyer_email FROM ticket_order WHERE buyer_email <> '' "
                        + "LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query((rs, n) -> new Buyer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
        for (Buyer b : buyers) {
            String buyer = PersonalText.orderKey(b.orderId());
            jdbc.sql("UPDATE ticket_order SET buyer_name_sealed = :name, buyer_email_sealed = :email, "
                            + "buyer_email_index = :emailIndex, buyer_name = NULL, buyer_email = NULL WHERE id = :id")
                    .param("id", b.orderId()).param("name", text.seal(buyer, PersonalText.NAME, b.name()))
                    .param("email", text.seal(buyer, PersonalText.EMAIL, b.email()))
                    .param("emailIndex", index.ofEmail(b.email())).update();
        }
        return buyers.size();
    }
}
