package io.inviteflow.core.forecast;

import io.inviteflow.contract.forecast.AnswerModelFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event's invitations as the answer model sees them: the same features the recommender reads from the activity
 * archive ({@code INVITATION_CREATED}'s channel, theme and template; the UTC hour and ISO weekday of sending; opened
 * so far; referred by another guest; how long it has been out, as the model's snapshot age), and the answers so far.
 */
@Repository
class PendingInvitations {

    private final JdbcClient jdbc;

    PendingInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation not answered yet, by the model's feature names. */
    record Pending(Map<String, String> categories, Map<String, Double> numbers) {
    }

    /** The answers so far: invitations, YES answers with their headcount (guests and plus-ones), NO, MAYBE. */
    record Answers(long invitations, long yes, long yesHeadcount, long no, long maybe) {
    }

    private static final String FEATURES = """
            SELECT i.id, i.email_index IS NOT NULL AS has_email,
                   i.referred_by IS NOT NULL AS referred, coalesce(i.theme, e.theme, e.template, '') AS theme,
                   coalesce(e.template, '') AS template, i.created_at, i.first_opened_at IS NOT NULL AS opened,
                   floor(extract(epoch FROM now() - i.created_at))::bigint AS age_seconds
            FROM invitation i JOIN party_event e ON e.id = i.party_event_id
            """;

    /** The event's invitations not answered yet (a revoked one opens nothing: it will never be answered). */
    List<Pending> of(UUID eventId) {
        return jdbc.sql(FEATURES + " WHERE i.party_event_id = :event AND i.response IS NULL AND i.revoked_at IS NULL")
                .param("event", eventId)
                .query((rs, n) -> pending(rs))
                .list();
    }

    /** These invitations, by id (answered or not). */
    Map<UUID, Pending> byId(List<UUID> ids) {
        Map<UUID, Pending> out = new java.util.HashMap<>();
        jdbc.sql(FEATURES + " WHERE i.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getObject("id", UUID.class), pending(rs));
                });
        return out;
    }

    private static Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
        boolean referred = rs.getBoolean("referred");
        OffsetDateTime sent = rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
        // the core's own choice of channel when it announces the invitation (InvitationService)
        String channel = referred ? "referral" : rs.getBoolean("has_email") ? "email" : "link";
        return new Pending(Map.of("channel", channel, "theme", rs.getString("theme"),
                "template", rs.getString("template"), "hour", String.valueOf(sent.getHour()),
                "weekday", String.valueOf(sent.getDayOfWeek().getValue()),
                "age", AnswerModelFile.ageOf(rs.getLong("age_seconds"))),
                Map.of("opened", rs.getBoolean("opened") ? 1.0 : 0.0, "referred", referred ? 1.0 : 0.0));
    }

    Answers answers(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE response = 'YES'),
                               coalesce(sum(1 + plus_ones) FILTER (WHERE response = 'YES'), 0),
                               count(*) FILTER (WHERE response = 'NO'), count(*) FILTER (WHERE response = 'MAYBE')
                        FROM invitation WHERE party_event_id = :event AND revoked_at IS NULL""")
                .param("event", eventId)
                .query((rs, n) -> new Answers(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .single();
    }
}
