package io.inviteflow.core.push;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Web Push subscriptions of many guests at once, for the senders (one query per page, never one per guest). */
@Repository
public class PushTargets {

    /** A browser's push subscription (RFC 8030 endpoint, RFC 8291 keys, base64url). */
    public record PushTarget(String endpoint, String p256dh, String auth, String locale) {
    }

    private final JdbcClient jdbc;

    PushTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, List<PushTarget>> of(List<UUID> invitationIds) {
        Map<UUID, List<PushTarget>> targets = new HashMap<>();
        if (invitationIds.isEmpty()) {
            return targets;
        }
        jdbc.sql("SELECT invitation_id, endpoint, p256dh, auth, locale FROM push_subscription "
                        + "WHERE invitation_id IN (:ids) ORDER BY created_at")
                .param("ids", invitationIds.stream().distinct().toList())
                .query(rs -> {
                    targets.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new PushTarget(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return targets;
    }
}
