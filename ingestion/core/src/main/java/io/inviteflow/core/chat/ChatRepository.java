package io.inviteflow.core.chat;

import io.inviteflow.core.security.GuestNames;
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
    private final GuestNames names;

    ChatRepository(JdbcClient jdbc, GuestNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /**
     * Stores the message and tells every core instance listening (NOTIFY is delivered at commit, so listeners never
     * look for a message that is not there yet).
     */
    long insert(UUID eventId, UUID invitationId, byte[] iv, byte[] ciphertext) {
        // one sender of an event at a time until commit: ids then commit in their order, so a listener that has seen
        // message n has seen every message before it (two guests sending at once could otherwise commit n+1 first,
        // and n would be skipped for good)
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", eventId.getMostSignificantBits() ^ eventId.getLeastSignificantBits())
                .query((rs, row) -> 1).list();
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
        return names.open(jdbc.sql("SELECT m.id, m.invitation_id, m.iv, m.ciphertext, m.sent_at, i.guest_name, "
                        + "i.guest_name_sealed FROM chat_message m JOIN invitation i ON i.id = m.invitation_id "
                        + "WHERE m.party_event_id = :event AND m.id > :after ORDER BY m.id LIMIT :limit")
                .param("event", eventId).param("after", afterId).param("limit", limit)
                .query((rs, row) -> message(rs)).list());
    }

    /** The newest {@code limit} messages, oldest first (the history a guest sees on opening the chat). */
    List<ChatMessage> latest(UUID eventId, int limit) {
        return names.open(jdbc.sql("SELECT * FROM (SELECT m.id, m.invitation_id, m.iv, m.ciphertext, m.sent_at, "
                        + "i.guest_name, i.guest_name_sealed FROM chat_message m "
                        + "JOIN invitation i ON i.id = m.invitation_id "
                        + "WHERE m.party_event_id = :event ORDER BY m.id DESC LIMIT :limit) newest ORDER BY id")
                .param("event", eventId).param("limit", limit)
                .query((rs, row) -> message(rs)).list());
    }

    /** A message read with its sender's name still sealed. */
    private static GuestNames.Named<ChatMessage> message(java.sql.ResultSet rs) throws java.sql.SQLException {
        Base64.Encoder base64 = Base64.getEncoder();
        long id = rs.getLong(1);
        UUID sender = rs.getObject(2, UUID.class);
        String iv = base64.encodeToString(rs.getBytes(3));
        String ciphertext = base64.encodeToString(rs.getBytes(4));
        java.time.Instant sentAt = rs.getObject(5, OffsetDateTime.class).toInstant();
        return GuestNames.Named.of(rs, sender, name -> new ChatMessage(id, sender, iv, ciphertext, sentAt, name));
    }
}
