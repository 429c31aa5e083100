package io.inviteflow.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.security.Hmac;
import io.inviteflow.core.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The trail of exports and erasures ({@code privacy_request}): who handled which, when, what it touched. */
@Repository
class PrivacyRequests {

    /** @param handledBy the admin's sign-in address; null when the person confirmed it through their own link */
    record Handled(UUID id, String kind, String subjectHash, String handledBy, Map<String, Object> summary,
                   Instant at) {
    }

    private final JdbcClient jdbc;
    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper();

    PrivacyRequests(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.key = properties.masterKeyBytes();
    }

    /** HMAC of the person, so the trail never holds the address it is about. */
    String subjectHash(Person person) {
        return HexFormat.of().formatHex(Hmac.sha256(key, ("privacy-subject:" + person.subject())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** @param admin null: the person themselves */
    void record(UUID id, String kind, Person person, UUID admin, Map<String, ?> summary) {
        try {
            jdbc.sql("INSERT INTO privacy_request (id, kind, subject_hash, handled_by, summary) "
                            + "VALUES (:id, :kind, :subject, :admin, CAST(:summary AS jsonb))")
                    .param("id", id).param("kind", kind).param("subject", subjectHash(person)).param("admin", admin)
                    .param("summary", json.writeValueAsString(summary)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a summary of counts always serializes", e);
        }
    }

    List<Handled> latest(int limit) {
        return jdbc.sql("SELECT r.id, r.kind, r.subject_hash, o.email, r.summary::text, r.at FROM privacy_request r "
                        + "LEFT JOIN organizer o ON o.id = r.handled_by ORDER BY r.at DESC, r.id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Handled(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), summary(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("privacy_request.summary is jsonb", e);
        }
    }
}
