package io.inviteflow.core.wall;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class WallRepository {

    private final JdbcClient jdbc;

    WallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPost(UUID id, UUID eventId, UUID invitationId, String author, String body, String photoUrl) {
        jdbc.sql("INSERT INTO wall_post (id, party_event_id, invitation_id, author_name, body, photo_url) "
                        + "VALUES (:id, :event, :invitation, :author, :body, :photo)")
                .param("id", id).param("event", eventId).param("invitation", invitationId).param("author", author)
                .param("body", body).param("photo", photoUrl).update();
    }

    void insertComment(UUID id, UUID postId, UUID invitationId, String author, String body) {
        jdbc.sql("INSERT INTO wall_comment (id, post_id, invitation_id, author_name, body) "
                        + "VALUES (:id, :post, :invitation, :author, :body)")
                .param("id", id).param("post", postId).param("invitation", invitationId).param("author", author)
                .param("body", body).update();
    }

    /** Adds the reaction, or takes it back when the guest had it: true when it was added. */
    boolean toggleReaction(UUID postId, UUID invitationId, String reaction) {
        int removed = jdbc.sql("DELETE FROM wall_reaction WHERE post_id = :post AND invitation_id = :invitation "
                        + "AND reaction = :reaction")
                .param("post", postId).param("invitation", invitationId).param("reaction", reaction).update();
        if (removed > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO wall_reaction (post_id, invitation_id, reaction) VALUES (:post, :invitation, :reaction) "
                        + "ON CONFLICT DO NOTHING")
                .param("post", postId).param("invitation", invitationId).param("reaction", reaction).update();
        return true;
    }

    /** The event of a post guests can see (not hidden), if any. */
    Optional<UUID> eventOfVisiblePost(UUID postId) {
        return jdbc.sql("SELECT party_event_id FROM wall_post WHERE id = :id AND NOT hidden").param("id", postId)
                .query(UUID.class).optional();
    }

    /** The newest posts of an event with comments and reactions; hidden ones only when {@code withHidden}. */
    List<WallPost> latest(UUID eventId, UUID viewer, boolean withHidden, int limit) {
        Map<UUID, PostRow> posts = new LinkedHashMap<>();
        jdbc.sql("SELECT id, invitation_id, author_name, body, photo_url, hidden, created_at FROM wall_post "
                        + "WHERE party_event_id = :event AND (:withHidden OR NOT hidden) "
                        + "ORDER BY created_at DESC, id LIMIT :limit")
                .param("event", eventId).param("withHidden", withHidden).param("limit", limit)
                .query((rs, row) -> new PostRow(uuid(rs, 1), uuid(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class)))
                .list().forEach(p -> posts.put(p.id(), p));
        if (posts.isEmpty()) {
            return List.of();
        }
        UUID[] ids = posts.keySet().toArray(UUID[]::new);
        Map<UUID, List<WallPost.Comment>> comments = new HashMap<>();
        jdbc.sql("SELECT post_id, id, invitation_id, author_name, body, hidden, created_at FROM wall_comment "
                        + "WHERE post_id = ANY(:ids) AND (:withHidden OR NOT hidden) ORDER BY created_at, id")
                .param("ids", ids).param("withHidden", withHidden)
                .query((ResultSet rs) -> {
                    comments.computeIfAbsent(uuid(rs, 1), k -> new ArrayList<>()).add(new WallPost.Comment(
                            uuid(rs, 2), uuid(rs, 3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant()));
                });
        Map<UUID, Map<String, Integer>> counts = new HashMap<>();
        Map<UUID, List<String>> mine = new HashMap<>();
        jdbc.sql("SELECT post_id, reaction, count(*), bool_or(invitation_id = :viewer) FROM wall_reaction "
                        + "WHERE post_id = ANY(:ids) GROUP BY post_id, reaction ORDER BY reaction")
                .param("ids", ids).param("viewer", viewer, java.sql.Types.OTHER)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(uuid(rs, 1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                    if (rs.getBoolean(4)) {
                        mine.computeIfAbsent(uuid(rs, 1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                });
        return posts.values().stream().map(p -> new WallPost(p.id(), p.invitationId(), p.author(), p.body(),
                p.photo(), p.hidden(), p.createdAt().toInstant(), comments.getOrDefault(p.id(), List.of()),
                counts.getOrDefault(p.id(), Map.of()), mine.getOrDefault(p.id(), List.of()))).toList();
    }

    boolean setPostHidden(UUID eventId, UUID postId, boolean hidden) {
        return jdbc.sql("UPDATE wall_post SET hidden = :hidden WHERE id = :id AND party_event_id = :event")
                .param("hidden", hidden).param("id", postId).param("event", eventId).update() == 1;
    }

    boolean deletePost(UUID eventId, UUID postId) {
        return jdbc.sql("DELETE FROM wall_post WHERE id = :id AND party_event_id = :event")
                .param("id", postId).param("event", eventId).update() == 1;
    }

    boolean setCommentHidden(UUID eventId, UUID commentId, boolean hidden) {
        return jdbc.sql("UPDATE wall_comment c SET hidden = :hidden FROM wall_post p "
                        + "WHERE c.id = :id AND p.id = c.post_id AND p.party_event_id = :event")
                .param("hidden", hidden).param("id", commentId).param("event", eventId).update() == 1;
    }

    boolean deleteComment(UUID eventId, UUID commentId) {
        return jdbc.sql("DELETE FROM wall_comment c USING wall_post p "
                        + "WHERE c.id = :id AND p.id = c.post_id AND p.party_event_id = :event")
                .param("id", commentId).param("event", eventId).update() == 1;
    }

    /** Bans a guest of the event; false when the invitation is not the event's. */
    boolean ban(UUID eventId, UUID invitationId) {
        return jdbc.sql("INSERT INTO wall_ban (party_event_id, invitation_id) SELECT party_event_id, id "
                        + "FROM invitation WHERE id = :invitation AND party_event_id = :event ON CONFLICT DO NOTHING")
                .param("event", eventId).param("invitation", invitationId).update() == 1
                || banned(eventId, invitationId);
    }

    boolean unban(UUID eventId, UUID invitationId) {
        return jdbc.sql("DELETE FROM wall_ban WHERE party_event_id = :event AND invitation_id = :invitation")
                .param("event", eventId).param("invitation", invitationId).update() == 1;
    }

    boolean invitationOf(UUID eventId, UUID invitationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM invitation WHERE id = :invitation AND party_event_id = :event)")
                .param("event", eventId).param("invitation", invitationId).query(Boolean.class).single();
    }

    boolean banned(UUID eventId, UUID invitationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wall_ban WHERE party_event_id = :event "
                        + "AND invitation_id = :invitation)")
                .param("event", eventId).param("invitation", invitationId).query(Boolean.class).single();
    }

    List<UUID> bans(UUID eventId) {
        return jdbc.sql("SELECT invitation_id FROM wall_ban WHERE party_event_id = :event ORDER BY banned_at")
                .param("event", eventId).query(UUID.class).list();
    }

    private record PostRow(UUID id, UUID invitationId, String author, String body, String photo, boolean hidden,
                           OffsetDateTime createdAt) {
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
