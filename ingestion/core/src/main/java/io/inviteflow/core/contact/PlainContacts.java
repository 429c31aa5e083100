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
        return sealCards(limit) + sealLeftoverPoints(limit);
    }

    private record PlainCard(UUID id, SealedCard card) {
    }

    private record PlainPoint(UUID contactId, String kind, String value, byte[] index) {
    }

    /**
     * Cards first, each with its points: the card's name is compared with the points' plain values
     * ({@link SealedCard#NAME_FROM_POINT}). The chunk's secrets are made before its rows are locked, the order an
     * import takes them in (secrets, then contacts), so the two never wait on each other in a circle.
     */
    private int sealCards(int limit) {
        List<UUID> candidates = jdbc.sql("SELECT id FROM contact WHERE display_name IS NOT NULL LIMIT :chunk")
                .param("chunk", limit).query(UUID.class).list();
        if (candidates.isEmpty()) {
            return 0;
        }
        PersonalText.Sealer sealer = text.sealerFor(candidates.stream().map(PersonalText::contactKey).toList());
        List<PlainCard> plain = jdbc.sql("SELECT c.id, c.display_name, c.first_name, c.last_name, c.organization, "
                        + SealedCard.NAME_FROM_POINT + " FROM contact c WHERE c.id = ANY(:ids) "
                        + "AND c.display_name IS NOT NULL FOR UPDATE OF c SKIP LOCKED")
                .param("ids", candidates.toArray(UUID[]::new))
                .query((rs, n) -> new PlainCard(rs.getObject(1, UUID.class), SealedCard.plain(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6))))
                .list();
        for (PlainCard c : plain) {
            jdbc.sql("UPDATE contact SET card_sealed = :card, display_name = NULL, first_name = NULL, "
                            + "last_name = NULL, organization = NULL WHERE id = :id")
                    .param("id", c.id())
                    .param("card", sealer.seal(PersonalText.contactKey(c.id()), PersonalText.CARD, c.card().json()))
                    .update();
            sealPoints(c.id(), sealer);
        }
        return plain.size();
    }

    private void sealPoints(UUID contact, PersonalText.Sealer sealer) {
        List<PlainPoint> plain = jdbc.sql("SELECT contact_id, kind, value, value_index FROM contact_point "
                        + "WHERE contact_id = :id AND value IS NOT NULL")
                .param("id", contact)
                .query((rs, n) -> new PlainPoint(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBytes(4)))
                .list();
        for (PlainPoint p : plain) {
            jdbc.sql("UPDATE contact_point SET value_sealed = :sealed, value = NULL "
                            + "WHERE contact_id = :contact AND value_index = :index")
                    .param("contact", p.contactId()).param("index", p.index())
                    .param("sealed", sealer.seal(PersonalText.contactKey(p.contactId()), PersonalText.point(p.kind()),
                            p.value()))
                    .update();
        }
    }

    /** Points of a card sealed already (an import sealed it) still plain. */
    private int sealLeftoverPoints(int limit) {
        List<UUID> contacts = jdbc.sql("""
                        SELECT DISTINCT p.contact_id FROM contact_point p JOIN contact c ON c.id = p.contact_id
                        WHERE p.value IS NOT NULL AND c.display_name IS NULL LIMIT :chunk""")
                .param("chunk", limit).query(UUID.class).list();
        if (contacts.isEmpty()) {
            return 0;
        }
        PersonalText.Sealer sealer = text.sealerFor(contacts.stream().map(PersonalText::contactKey).toList());
        List<UUID> locked = jdbc.sql("SELECT id FROM contact WHERE id = ANY(:ids) FOR UPDATE SKIP LOCKED")
                .param("ids", contacts.toArray(UUID[]::new)).query(UUID.class).list();
        locked.forEach(contact -> sealPoints(contact, sealer));
        return locked.size();
    }
}
