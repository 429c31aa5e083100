package io.inviteflow.core.account;

import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Accounts of releases before V46, whose address and name are plain: sealed under the account's own secret, as a new
 * account's are ({@link OrganizerRepository#insert}), and the plain columns emptied. Their index is V47's, left as it
 * is (an account that shares its address with another but for case or spaces has none, and is not given one here).
 */
@Component
class PlainOrganizers implements LegacySealing.PlainRows {

    private final JdbcClient jdbc;
    private final PersonalText text;

    PlainOrganizers(JdbcClient jdbc, PersonalText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    private record Plain(UUID id, String email, String name) {
    }

    @Override
    public int sealChunk(int limit) {
        List<Plain> rows = jdbc.sql("""
                        SELECT id, email, name FROM organizer WHERE email IS NOT NULL OR name IS NOT NULL
                        ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
        if (rows.isEmpty()) {
            return 0;
        }
        PersonalText.Sealer sealer = text.sealerFor(rows.stream().map(r -> PersonalText.organizerKey(r.id())).toList());
        for (Plain row : rows) {
            String key = PersonalText.organizerKey(row.id());
            jdbc.sql("""
                            UPDATE organizer SET email_sealed = coalesce(:email, email_sealed),
                                   name_sealed = coalesce(:name, name_sealed),
                                   email = NULL, email_normalized = NULL, name = NULL
                            WHERE id = :id""")
                    .param("email", sealer.seal(key, PersonalText.EMAIL, row.email()), java.sql.Types.BINARY)
                    .param("name", sealer.seal(key, PersonalText.NAME, row.name()), java.sql.Types.BINARY)
                    .param("id", row.id()).update();
        }
        return rows.size();
    }
}
