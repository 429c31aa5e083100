package io.inviteflow.core.contact;

import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Address-book cards and point values written before they were sealed, sealed under each contact's own secret.
 * (Migration V42 indexed the points already: imports find them while they wait here.)
 */
@Component
class PlainContacts implements LegacySealing.PlainRows {

    private final JdbcClient jdbc;
    private final PersonalText text;

    PlainContacts(JdbcClient jdbc, PersonalText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    @Override
    public int sealChunk(int limit) {
        return sealCards(limit) + sealPoints(limit);
    }

    private record PlainCard(UUID id, SealedCard card) {
    }

    private record PlainPoint(UUID contactId, String kind, String value, byte[] index) {
    }

    private int sealCards(int limit) {
        List<PlainCard> plain = jdbc.sql("""
                        SELECT id, display_name, first_name, last_name, organization FROM contact
                        WHERE display_name IS NOT NULL LIMIT :chunk FOR UPDATE SKIP LOCKED""")
                .param("chunk", limit)
                .query((rs, n) -> new PlainCard(rs.getObject(1, UUID.class), SealedCard.plain(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))))
                .list();
        PersonalText.Sealer sealer = text.sealerFor(plain.stream().map(c -> PersonalText.contactKey(c.id())).toList());
        for (PlainCard c : plain) {
            jdbc.sql("UPDATE contact SET card_sealed = :card, display_name = NULL, first_name = NULL, "
                            + "last_name = NULL, organization = NULL WHERE id = :id")
                    .param("id", c.id())
                    .param("card", sealer.seal(PersonalText.contactKey(c.id()), PersonalText.CARD, c.card().json()))
                    .update();
        }
        return plain.size();
    }

    private int sealPoints(int limit) {
        List<PlainPoint> plain = jdbc.sql("""
                        SELECT contact_id, kind, value, value_index FROM contact_point
                        WHERE value IS NOT NULL LIMIT :chunk FOR UPDATE SKIP LOCKED""")
                .param("chunk", limit)
                .query((rs, n) -> new PlainPoint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBytes(4)))
                .list();
        PersonalText.Sealer sealer = text.sealerFor(plain.stream().map(p -> PersonalText.contactKey(p.contactId()))
                .distinct().toList());
        for (PlainPoint p : plain) {
            jdbc.sql("UPDATE contact_point SET value_sealed = :sealed, value = NULL "
                            + "WHERE contact_id = :contact AND value_index = :index")
                    .param("contact", p.contactId()).param("index", p.index())
                    .param("sealed", sealer.seal(PersonalText.contactKey(p.contactId()), PersonalText.point(p.kind()),
                            p.value()))
                    .update();
        }
        return plain.size();
    }
}
