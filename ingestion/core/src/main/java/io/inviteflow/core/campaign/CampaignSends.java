package io.inviteflow.core.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What batch-jobs needs to send campaigns: which are due, their recipients page by page, and marking them sent. */
@Service
class CampaignSends {

    private final JdbcClient jdbc;
    private final CampaignAudience audience;
    private final ObjectMapper json;

    CampaignSends(JdbcClient jdbc, CampaignAudience audience, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audience = audience;
        this.json = json;
    }

    /**
     * A campaign as its sender needs it.
     *
     * @param round how often it was resumed: with the id, the identity of one sending run
     */
    record Due(UUID id, String subject, String message, Set<String> channels, Instant sendAt, int round) {
    }

    List<Due> due(Instant at) {
        return jdbc.sql("SELECT id, subject, message, channels, send_at, round FROM campaign "
                        + "WHERE status = 'SCHEDULED' AND send_at <= :at ORDER BY send_at")
                .param("at", Timestamp.from(at)).query(CampaignSends::due).list();
    }

    /** The campaign's text (the sender reads it rather than carrying it in its job's parameters). */
    java.util.Optional<Due> one(UUID id) {
        return jdbc.sql("SELECT id, subject, message, channels, send_at, round FROM campaign WHERE id = :id")
                .param("id", id).query(CampaignSends::due).optional();
    }

    private static Due due(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp sendAt = rs.getTimestamp(5);
        return new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Set.of((String[]) rs.getArray(4).getArray()), sendAt == null ? null : sendAt.toInstant(),
                rs.getInt(6));
    }

    /** The next recipients while the campaign is still scheduled; none once it was cancelled or sent. */
    List<CampaignRecipient> recipients(UUID campaignId, UUID after, int limit) {
        record Row(UUID organizer, String segment, String[] channels) {
        }
        return jdbc.sql("SELECT organizer_id, segment, channels FROM campaign WHERE id = :id AND status = 'SCHEDULED'")
                .param("id", campaignId)
                .query((rs, row) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        (String[]) rs.getArray(3).getArray()))
                .optional()
                .map(c -> audience.page(c.organizer(), segment(c.segment()), Set.of(c.channels()), after, limit))
                .orElse(List.of());
    }

    /** True when this call marked it (a repeated call after a crash finds it sent already). */
    boolean sent(UUID campaignId) {
        return jdbc.sql("UPDATE campaign SET status = 'SENT', sent_at = now() WHERE id = :id AND status = 'SCHEDULED'")
                .param("id", campaignId).update() == 1;
    }

    private Segment segment(String stored) {
        try {
            return json.readValue(stored, Segment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored segment is JSON", e);
        }
    }
}
