package io.inviteflow.core.campaign;

import io.inviteflow.core.CoreProperties;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.push.PushTargets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A segment's people, in SQL: the organizer's guests of the chosen events with the chosen answers (and engagement),
 * reachable on one of the channels, not withdrawn, not opted out of marketing — one per email address (the invitation
 * to the latest event wins), so nobody gets the same campaign twice for being invited twice.
 */
@Repository
class CampaignAudience {

    private final JdbcClient jdbc;
    private final GuestAccess guests;
    private final CoreProperties core;
    private final PushTargets push;

    CampaignAudience(JdbcClient jdbc, GuestAccess guests, CoreProperties core, PushTargets push) {
        this.jdbc = jdbc;
        this.guests = guests;
        this.core = core;
        this.push = push;
    }

    long count(UUID organizerId, Segment segment, Set<String> channels) {
        Query query = query(organizerId, segment, channels);
        return jdbc.sql("WITH reachable AS (" + query.sql() + ") SELECT count(*) FROM reachable")
                .params(query.params()).query(Long.class).single();
    }

    /** The page after {@code after} in invitation-id order. */
    List<CampaignRecipient> page(UUID organizerId, Segment segment, Set<String> channels, UUID after, int limit) {
        Query query = query(organizerId, segment, channels);
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("after", after);
        params.put("limit", limit);
        List<CampaignRecipient> page = jdbc.sql("WITH reachable AS (" + query.sql() + ") SELECT * FROM reachable "
                        + "WHERE id > :after ORDER BY id LIMIT :limit")
                .params(params)
                .query((rs, row) -> {
                    UUID invitation = rs.getObject("id", UUID.class);
                    return new CampaignRecipient(invitation, rs.getObject("party_event_id", UUID.class),
                            rs.getString("title"), rs.getString("guest_name"), rs.getString("guest_email"),
                            core.publicUrl().resolve(guests.pagePath(invitation)).toString(), List.of());
                })
                .list();
        var targets = push.of(page.stream().map(CampaignRecipient::invitationId).toList());
        return page.stream().map(r -> r.withPush(targets.getOrDefault(r.invitationId(), List.of()))).toList();
    }

    private record Query(String sql, Map<String, Object> params) {
    }

    private static Query query(UUID organizerId, Segment segment, Set<String> channels) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizer", organizerId);
        params.put("events", segment.eventIds());
        StringBuilder where = new StringBuilder("""
                e.organizer_id = :organizer AND i.party_event_id IN (:events) AND i.revoked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM marketing_opt_out o WHERE o.email_normalized = lower(i.guest_email))""");
        if (!segment.answers().isEmpty()) {
            where.append(" AND coalesce(i.response, 'NONE') IN (:answers)");
            params.put("answers", segment.answers());
        }
        if (Boolean.TRUE.equals(segment.openedNotAnswered())) {
            where.append(" AND i.first_opened_at IS NOT NULL AND i.response IS NULL");
        }
        boolean email = channels.contains("EMAIL");
        boolean pushToo = channels.contains("PUSH");
        where.append(" AND (").append(email ? "i.guest_email IS NOT NULL" : "false").append(" OR ")
                .append(pushToo ? "EXISTS (SELECT 1 FROM push_subscription p WHERE p.invitation_id = i.id)" : "false")
                .append(")");
        return new Query("""
                SELECT DISTINCT ON (coalesce(lower(i.guest_email), i.id::text))
                       i.id, i.party_event_id, e.title, i.guest_name, i.guest_email
                FROM invitation i JOIN party_event e ON e.id = i.party_event_id
                WHERE %s
                ORDER BY coalesce(lower(i.guest_email), i.id::text), e.starts_at DESC""".formatted(where), params);
    }
}
