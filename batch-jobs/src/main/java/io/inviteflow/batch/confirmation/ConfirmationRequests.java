package io.inviteflow.batch.confirmation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** The {@code answer_confirmation} table: answers heard on Kafka until their confirmation is closed. */
@Repository
public class ConfirmationRequests {

    private final JdbcClient jdbc;

    ConfirmationRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: Kafka may deliver an activity twice. */
    public void record(UUID activityId, UUID invitationId, UUID partyEventId, long answerVersion) {
        jdbc.sql("""
                        INSERT INTO answer_confirmation (activity_id, invitation_id, party_event_id, answer_version)
                        VALUES (:id, :invitation, :event, :version) ON CONFLICT (activity_id) DO NOTHING""")
                .param("id", activityId).param("invitation", invitationId).param("event", partyEventId)
                .param("version", answerVersion).update();
    }

    boolean anyOpen() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM answer_confirmation WHERE closed_at IS NULL)")
                .query(Boolean.class).single();
    }

    /**
     * Counts a refused mail; after {@code limit} refusals the request is closed (given up: the address is bad).
     *
     * @return true when it was given up
     */
    boolean refused(UUID activityId, int limit) {
        return jdbc.sql("""
                        UPDATE answer_confirmation SET attempts = attempts + 1,
                            closed_at = CASE WHEN attempts + 1 >= :limit THEN now() END
                        WHERE activity_id = :id RETURNING closed_at IS NOT NULL""")
                .param("id", activityId).param("limit", limit).query(Boolean.class).single();
    }

    void close(List<UUID> activityIds) {
        jdbc.sql("UPDATE answer_confirmation SET closed_at = now() WHERE activity_id = ANY(:ids)")
                .param("ids", activityIds.toArray(UUID[]::new)).update();
    }
}
