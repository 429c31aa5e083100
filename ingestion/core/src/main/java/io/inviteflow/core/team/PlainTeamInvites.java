package io.inviteflow.core.team;

import io.inviteflow.core.security.LegacySealing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Team invitations of releases before V45, whose address is plain: a pending one's is sealed, as a new invitation's
 * is ({@link TeamInviteAddresses#keep}); the others' is emptied, since nothing needs it any more.
 */
@Component
class PlainTeamInvites implements LegacySealing.PlainRows {

    private final JdbcClient jdbc;
    private final TeamInviteAddresses addresses;

    PlainTeamInvites(JdbcClient jdbc, TeamInviteAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    private record Plain(UUID id, String email, boolean pending) {
    }

    @Override
    public int sealChunk(int limit) {
        List<Plain> rows = jdbc.sql("""
                        SELECT id, email, accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()
                        FROM team_invite WHERE email IS NOT NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3))).list();
        for (Plain row : rows) {
            if (row.pending()) {
                addresses.keep(row.id(), row.email());
            } else {
                jdbc.sql("UPDATE team_invite SET email = NULL WHERE id = :id").param("id", row.id()).update();
            }
        }
        return rows.size();
    }
}
