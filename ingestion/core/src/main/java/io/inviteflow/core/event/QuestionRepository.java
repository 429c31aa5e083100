package io.inviteflow.core.event;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Repository
class QuestionRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    private final EventSnapshots snapshots;

    QuestionRepository(JdbcClient jdbc, JdbcTemplate batch, EventSnapshots snapshots) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.snapshots = snapshots;
    }

    List<Question> of(UUID eventId) {
        return jdbc.sql("""
                        SELECT id, kind, label, options, required, per_guest, min_value, max_value
                        FROM event_question WHERE party_event_id = :event ORDER BY position""")
                .param("event", eventId)
                .query((rs, row) -> {
                    Array options = rs.getArray(4);
                    return new Question(rs.getObject(1, UUID.class), Question.Kind.valueOf(rs.getString(2)),
                            rs.getString(3), Arrays.asList((String[]) options.getArray()), rs.getBoolean(5),
                            rs.getBoolean(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8));
                })
                .list();
    }

    /** Replaces the event's questions; answers to a question that is kept (same id) stay. */
    void replace(UUID eventId, List<Question> questions) {
        snapshots.changed(eventId);
        UUID[] kept = questions.stream().map(Question::id).toArray(UUID[]::new);
        jdbc.sql("DELETE FROM event_question WHERE party_event_id = :event AND NOT (id = ANY(:kept))")
                .param("event", eventId).param("kept", kept).update();
        batch.batchUpdate("""
                INSERT INTO event_question (id, party_event_id, position, kind, label, options, required, per_guest,
                    min_value, max_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
                    label = excluded.label, options = excluded.options, required = excluded.required,
                    per_guest = excluded.per_guest, min_value = excluded.min_value, max_value = excluded.max_value
                WHERE event_question.party_event_id = excluded.party_event_id""", questions, 100, (ps, q) -> {
            ps.setObject(1, q.id());
            ps.setObject(2, eventId);
            ps.setInt(3, questions.indexOf(q));
            ps.setString(4, q.kind().name());
            ps.setString(5, q.label());
            ps.setArray(6, ps.getConnection().createArrayOf("text", q.options().toArray()));
            ps.setBoolean(7, q.required());
            ps.setBoolean(8, q.perGuest());
            ps.setObject(9, q.min());
            ps.setObject(10, q.max());
        });
    }
}
