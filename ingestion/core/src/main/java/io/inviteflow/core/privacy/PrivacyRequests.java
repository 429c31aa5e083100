package io.inviteflow.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.account.Organizers;
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
    private final Organizers organizers;

    PrivacyRequests(JdbcClient jdbc, SecurityProperties properties, Organizers organizers) {
        this.jdbc = jdbc;
        this.key = properties.masterKeyBytes();
        this.organizers = organizers;
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
        record Row(UUID id, String kind, String subjectHash, UUID handledBy, String summary, Instant at) {
        }
        List<Row> rows = jdbc.sql("SELECT id, kind, subject_hash, handled_by, summary::text, at FROM privacy_request "
                        + "ORDER BY at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        // the admins' addresses are sealed with their accounts: opened together, after the query
        Map<UUID, Organizer> admins = organizers.findAll(rows.stream().map(Row::handledBy)
                .filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(row -> new Handled(row.id(), row.kind(), row.subjectHash(),
                row.handledBy() == null || !admins.containsKey(row.handledBy()) ? null
                        : admins.get(row.handledBy()).email(),
                summary(row.summary()), row.at())).toList();
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
