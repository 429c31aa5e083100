package io.inviteflow.core.wall;

import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The wall's posts, comments, reactions and bans. A guest's post or comment is stored sealed — the name it is signed
 * with and its text, each a box under the key of the guest's invitation bound to the row ({@link PersonalText}) — and
 * opened when read; rows written before sealing are read plain until they are sealed.
 */
@Repository
class WallRepository {

    private final JdbcClient jdbc;
    private final PersonalText text;

    WallRepository(JdbcClient jdbc, PersonalText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /** Within the caller's transaction; 404 when the guest's invitation was revoked or erased meanwhile. */
    void insertPost(UUID id, UUID eventId, UUID invitationId, String author, String body, String photoUrl) {
        String person = lockLiveGuest(invitationId);
        jdbc.sql("INSERT INTO wall_post (id, party_event_id, invitation_id, author_sealed, body_sealed, photo_url) "
                        + "VALUES (:id, :event, :invitation, :author, :body, :photo)")
                .param("id", id).param("event", eventId).param("invitation", invitationId)
                .param("author", text.seal(person, PersonalText.wallAuthor(id), author))
                .param("body", text.seal(person, PersonalText.wallBody(id), body)).param("photo", photoUrl).update();
    }

    /** Within the caller's transaction; 404 when the guest's invitation was revoked or erased meanwhile. */
    void insertComment(UUID id, UUID postId, UUID invitationId, String author, String body) {
        String person = lockLiveGuest(invitationId);
        jdbc.sql("INSERT INTO wall_comment (id, post_id, invitation_id, author_sealed, body_sealed) "
                        + "VALUES (:id, :post, :invitation, :author, :body)")
                .param("id", id).param("post", postId).param("invitation", invitationId)
                .param("author", text.seal(person, PersonalText.wallAuthor(id), author))
                .param("body", text.seal(person, PersonalText.wallBody(id), body)).update();
    }

    /**
     * Locks the guest's invitation, as an erasure does before it destroys the guest's secret: a post made as the
     * guest is erased is either erased with them or refused, never sealed under a secret made anew.
     *
     * @return the person key the guest's texts are sealed under
     */
    private String lockLiveGuest(UUID invitationId) {
        jdbc.sql("SELECT id FROM invitation WHERE id = :id AND revoked_at IS NULL AND erased_at IS NULL FOR UPDATE")
                .param("id", invitationId).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("invitation", invitationId));
        return PersonalText.personKey(invitationId);
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
        jdbc.sql("SELECT id, invitation_id, author_name, author_sealed, body, body_sealed, photo_url, hidden, "
                        + "created_at FROM wall_post WHERE party_event_id = :event AND (:withHidden OR NOT hidden) "
                        + "ORDER BY created_at DESC, id LIMIT :limit")
                .param("event", eventId).param("withHidden", withHidden).param("limit", limit)
                .query((rs, row) -> new PostRow(stored(rs), rs.getString(7), rs.getBoolean(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list().forEach(p -> posts.put(p.texts().id(), p));
        if (posts.isEmpty()) {
            return List.of();
        }
        UUID[] ids = posts.keySet().toArray(UUID[]::new);
        Map<UUID, List<CommentRow>> comments = new HashMap<>();
        jdbc.sql("SELECT id, invitation_id, author_name, author_sealed, body, body_sealed, post_id, hidden, "
                        + "created_at FROM wall_comment WHERE post_id = ANY(:ids) AND (:withHidden OR NOT hidden) "
                        + "ORDER BY created_at, id")
                .param("ids", ids).param("withHidden", withHidden)
                .query((ResultSet rs) -> {
                    comments.computeIfAbsent(uuid(rs, 7), k -> new ArrayList<>()).add(new CommentRow(stored(rs),
                            rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
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
        // every guest's secret on the page in one query
        Set<String> people = new HashSet<>();
        posts.values().forEach(p -> people.add(personOf(p.texts())));
        comments.values().forEach(list -> list.forEach(c -> people.add(personOf(c.texts()))));
        people.remove(null);
        PersonalText.Opener opener = text.openerFor(people);
        return posts.values().stream().map(p -> new WallPost(p.texts().id(), p.texts().invitationId(),
                p.texts().author(opener), p.texts().body(opener), p.photo(), p.hidden(), p.createdAt().toInstant(),
                comments.getOrDefault(p.texts().id(), List.of()).stream().map(c -> new WallPost.Comment(
                        c.texts().id(), c.texts().invitationId(), c.texts().author(opener), c.texts().body(opener),
                        c.hidden(), c.createdAt())).toList(),
                counts.getOrDefault(p.texts().id(), Map.of()), mine.getOrDefault(p.texts().id(), List.of()))).toList();
    }

    /** Columns 1 to 6 of a post's or comment's row: id, invitation, author and body, plain and sealed. */
    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(uuid(rs, 1), uuid(rs, 2), rs.getString(3), rs.getBytes(4), rs.getString(5), rs.getBytes(6));
    }

    private static String personOf(Stored texts) {
        return texts.invitationId() == null ? null : PersonalText.personKey(texts.invitationId());
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

    private record PostRow(Stored texts, String photo, boolean hidden, OffsetDateTime createdAt) {
    }

    private record CommentRow(Stored texts, boolean hidden, java.time.Instant createdAt) {
    }

    /** A post's or comment's plain and sealed texts as stored, opened when read. */
    private record Stored(UUID id, UUID invitationId, String author, byte[] authorSealed, String body,
                          byte[] bodySealed) {

        /** The name; "" when it no longer opens (pages escape it, and one unreadable post must not take them down). */
        String author(PersonalText.Opener opener) {
            String opened = open(opener, PersonalText.wallAuthor(id), authorSealed, author);
            return opened == null ? "" : opened;
        }

        /** The text; "" when there is none (an erased guest's) or it no longer opens. */
        String body(PersonalText.Opener opener) {
            String opened = open(opener, PersonalText.wallBody(id), bodySealed, body);
            return opened == null ? "" : opened;
        }

        private String open(PersonalText.Opener opener, String purpose, byte[] sealed, String plain) {
            return invitationId == null ? plain
                    : opener.openOr(PersonalText.personKey(invitationId), purpose, sealed, plain);
        }
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
