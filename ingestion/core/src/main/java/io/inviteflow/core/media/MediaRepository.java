package io.inviteflow.core.media;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, UUID eventId, String kind, String contentType, long bytes, String sha256, String objectKey,
               Integer width, Integer height, List<Integer> variantWidths, String originalName, OffsetDateTime createdAt) {
    }

    void insert(Row r) {
        jdbc.sql("""
                        INSERT INTO media (id, party_event_id, kind, content_type, bytes, sha256, object_key, width,
                            height, variant_widths, original_name)
                        VALUES (:id, :event, :kind, :type, :bytes, :sha, :key, :width, :height, :variants, :name)""")
                .param("id", r.id()).param("event", r.eventId()).param("kind", r.kind())
                .param("type", r.contentType()).param("bytes", r.bytes()).param("sha", r.sha256())
                .param("key", r.objectKey()).param("width", r.width()).param("height", r.height())
                .param("variants", r.variantWidths().toArray(Integer[]::new)).param("name", r.originalName())
                .update();
    }

    List<Row> ofEvent(UUID eventId) {
        return jdbc.sql("SELECT * FROM media WHERE party_event_id = :event ORDER BY created_at, id")
                .param("event", eventId).query((rs, n) -> row(rs)).list();
    }

    /** True when a wall post still shows this stored photo (guests' photos are stored once per content). */
    boolean guestPhotoShown(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wall_post WHERE photo_url LIKE '%/media/' || :key)")
                .param("key", key).query(Boolean.class).single();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM media WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** Deletes the events' media records, returning them. */
    List<Row> deleteOfEvents(List<UUID> eventIds) {
        return jdbc.sql("DELETE FROM media WHERE party_event_id = ANY(:events) RETURNING *")
                .param("events", eventIds.toArray(UUID[]::new)).query((rs, n) -> row(rs)).list();
    }

    /** Whether a record or a wall post still shows a stored copy of these bytes. */
    boolean bytesShown(String sha256, String objectKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM media WHERE sha256 = :sha) "
                        + "OR EXISTS (SELECT 1 FROM wall_post WHERE photo_url LIKE '%/media/' || :key)")
                .param("sha", sha256).param("key", objectKey).query(Boolean.class).single();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM media WHERE id = :id").param("id", id).update();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array variants = rs.getArray("variant_widths");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("party_event_id", UUID.class),
                rs.getString("kind"), rs.getString("content_type"), rs.getLong("bytes"), rs.getString("sha256"),
                rs.getString("object_key"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
                Arrays.asList((Integer[]) variants.getArray()), rs.getString("original_name"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
