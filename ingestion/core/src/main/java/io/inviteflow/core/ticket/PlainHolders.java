package io.inviteflow.core.ticket;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Tickets' holders stored plain by releases before they were sealed; erased ones (address '') are left as they are. */
@Component
class PlainHolders implements LegacySealing.PlainRows {

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
        List<Holder> holders = jdbc.sql("SELECT id, code_version, holder_name, holder_email FROM ticket "
                        + "WHERE holder_email <> '' LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4))).list();
        for (Holder h : holders) {
            String holder = PersonalText.ticketKey(h.ticketId(), h.codeVersion());
            jdbc.sql("UPDATE ticket SET holder_name_sealed = :name, holder_email_sealed = :email, "
                            + "holder_email_index = :emailIndex, holder_name = NULL, holder_email = NULL WHERE id = :id")
                    .param("id", h.ticketId()).param("name", text.seal(holder, PersonalText.NAME, h.name()))
                    .param("email", text.seal(holder, PersonalText.EMAIL, h.email()))
                    .param("emailIndex", index.ofEmail(h.email())).update();
        }
        return holders.size();
    }
}
