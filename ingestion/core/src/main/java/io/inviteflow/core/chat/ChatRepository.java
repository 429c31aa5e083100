package io.inviteflow.core.chat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

@Repository
class ChatRepository {

    static final String CHANNEL = "inviteflow_chat";

    private final JdbcClient jdbc;

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the message and tells every core instance listening (NOTIFY is delivered at commit, so listeners never
     * look for a message that is not there yet).
     */
    long insert(UUID eventId, UUID invitationId, byte[] iv, byte[] ciphertext) {
        long id = jdbc.sql("INSERT INTO chat_message (party_event_id, invitation_id, iv, ciphertext) "
                        + "VALUES (:event, :invitation, :iv, :ct) RETURNING id")
                .param("event", eventId).param("invitation", invitationId).param("iv", iv).param("ct", ciphertext)
                .query(Long.class).single();
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :event)").param("event", eventId.toString())
                .query((rs, row) -> 1).list();
        return id;
    }

    /** Messages of the event after {@code afterId}, oldest first. */
    List<ChatMessage> after(UUID eventId, long afterId, int limit) {
        return jdbc.sql("SELECT id, invitation_id, iv, ciphertext, sent_at FROM chat_message "
                        + "WHERE party_event_id = :event AND id > :after ORDER BY id LIMIT :limit")
                .param("event", eventId).param("after", afterId).param("limit", limit)
                .query((rs, row) -> message(rs)).list();
    }

    /** The newest {@code limit} messages, oldest first (the history a guest sees on opening the chat). */
    List<ChatMessage> latest(UUID eventId, int limit) {
        return jdbc.sql("SELECT * FROM (SELECT id, invitation_id, iv, ciphertext, sent_at FROM chat_message "
                        + "WHERE party_event_id = :event ORDER BY id DESC LIMIT :limit) newest ORDER BY id")
                .param("event", eventId).param("limit", limit)
                .query((rs, row) -> message(rs)).list();
    }

    private static ChatMessage message(java.sql.ResultSet rs) throws java.sql.SQLException {
        Base64.Encoder base64 = Base64.getEncoder();
        return new ChatMessage(rs.getLong(1), rs.getObject(2, UUID.class), base64.encodeToString(rs.getBytes(3)),
                base64.encodeToString(rs.getBytes(4)), rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
