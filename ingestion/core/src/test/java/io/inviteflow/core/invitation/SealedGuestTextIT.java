package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest's note, answers, wall posts and comments are stored sealed under a key of their own, read back wherever
 * they are shown (the guest's page, the guest list and its CSV, the wall; the person's copy in PrivacyIT), and
 * shredded by an erasure: a copy of the sealed
 * bytes taken before (a backup) opens no more. Texts stored plain before sealing are sealed at start-up.
 */
class SealedGuestTextIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalText text;
    @Autowired
    LegacySealing legacy;

    @Test
    void notesAndAnswersAreSealedShownAndShreddedByAnErasure() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String event = api.newEvent(organizer, "Sealed supper");
        String question = api.put("/api/v1/events/" + event + "/questions", organizer, """
                {"questions":[{"kind":"TEXT","label":"Anything we should know?","required":false,"perGuest":false}]}""")
                .json().get(0).get("id").asText();
        String address = "sealed-" + UUID.randomUUID() + "@example.org";
        JsonNode ada = api.post("/api/v1/events/" + event + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ada\",\"email\":\"%s\",\"message\":\"Do bring the harpsichord\"}]}"
                        .formatted(address)).json().at("/invitations/0");
        UUID invitation = UUID.fromString(ada.get("id").asText());
        assertThat(api.post("/api/v1/invitations/" + ada.get("token").asText() + "/rsvp", null, """
                {"response":"YES","note":"Allergic to peanuts","answers":[{"questionId":"%s","guest":0,
                 "value":"Bringing my cello"}]}""".formatted(question)).status()).isEqualTo(200);

        byte[] sealedNote = jdbc.sql("SELECT note_sealed FROM invitation WHERE id = :id AND note IS NULL")
                .param("id", invitation).query(byte[].class).single();
        byte[] sealedAnswer = jdbc.sql("SELECT value_sealed FROM question_answer WHERE invitation_id = :id "
                + "AND value IS NULL").param("id", invitation).query(byte[].class).single();
        assertThat(new String(sealedNote, StandardCharsets.ISO_8859_1)).doesNotContain("peanuts");
        byte[] sealedName = jdbc.sql("SELECT guest_name_sealed FROM invitation WHERE id = :id AND guest_name IS NULL")
                .param("id", invitation).query(byte[].class).single();
        assertThat(text.open(PersonalText.personKey(invitation), PersonalText.NAME, sealedName)).hasValue("Ada");
        byte[] sealedMessage = jdbc.sql("SELECT message_sealed FROM invitation WHERE id = :id AND message IS NULL")
                .param("id", invitation).query(byte[].class).single();
        assertThat(new String(sealedMessage, StandardCharsets.ISO_8859_1)).doesNotContain("harpsichord");
        String person = PersonalText.personKey(invitation);
        assertThat(text.open(person, PersonalText.NOTE, sealedNote)).hasValue("Allergic to peanuts");
        assertThat(text.open(person, PersonalText.NOTE, sealedAnswer)).as("an answer moved into the note")
                .isEmpty();
        assertThat(new String(sealedAnswer, StandardCharsets.ISO_8859_1)).doesNotContain("cello");

        assertThat(api.get("/api/v1/events/" + event + "/guests", organizer).body())
                .contains("Allergic to peanuts", "Bringing my cello");
        assertThat(api.get("/api/v1/events/" + event + "/guests.csv", organizer).body())
                .contains("Allergic to peanuts", "Bringing my cello");
        assertThat(api.getAs("/i/" + ada.get("token").asText(), "test").body())
                .contains("Allergic to peanuts", "Do bring the harpsichord");
        // her wall post and comment, and the name she signs them with
        assertThat(api.postForm("/i/" + ada.get("token").asText() + "/wall", "body=Who+else+plays+the+cello%3F")
                .status()).isEqualTo(303);
        UUID post = jdbc.sql("SELECT id FROM wall_post WHERE invitation_id = :id").param("id", invitation)
                .query(UUID.class).single();
        assertThat(api.postForm("/i/" + ada.get("token").asText() + "/wall/" + post + "/comments",
                "body=Me%2C+at+the+back").status()).isEqualTo(303);
        byte[] sealedPost = jdbc.sql("SELECT body_sealed FROM wall_post WHERE id = :id AND body IS NULL "
                + "AND author_name IS NULL").param("id", post).query(byte[].class).single();
        byte[] sealedComment = jdbc.sql("SELECT body_sealed FROM wall_comment WHERE post_id = :id AND body IS NULL "
                + "AND author_name IS NULL").param("id", post).query(byte[].class).single();
        assertThat(new String(sealedPost, StandardCharsets.ISO_8859_1)).doesNotContain("cello");
        assertThat(text.open(person, PersonalText.wallBody(post), sealedPost)).hasValue("Who else plays the cello?");
        assertThat(api.getAs("/i/" + ada.get("token").asText(), "test").body())
                .contains("Who else plays the cello?", "Me, at the back");
        assertThat(api.get("/api/v1/events/" + event + "/wall", organizer).body())
                .contains("Who else plays the cello?", "Me, at the back", "\"authorName\":\"Ada\"");
        // the person's copy holds them too (PrivacyIT reads it)
        String admin = api.adminToken();

        assertThat(api.post("/api/v1/admin/privacy/erasures", admin, "{\"email\":\"%s\"}".formatted(address))
                .status()).isEqualTo(200);
        assertThat(text.open(person, PersonalText.NOTE, sealedNote)).as("the note as a backup holds it").isEmpty();
        assertThat(text.open(person, PersonalText.answer(UUID.fromString(question), 0), sealedAnswer))
                .as("the answer as a backup holds it").isEmpty();
        assertThat(text.open(person, PersonalText.wallBody(post), sealedPost)).as("the post as a backup holds it")
                .isEmpty();
        assertThat(api.get("/api/v1/events/" + event + "/wall", organizer).body()).doesNotContain("cello")
                .doesNotContain("Me, at the back");
        assertThat(jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :k").param("k", person)
                .query(Long.class).single()).isZero();
    }

    @Test
    void textsStoredPlainBeforeAreSealed() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String event = api.newEvent(organizer, "Old notes");
        String question = api.put("/api/v1/events/" + event + "/questions", organizer, """
                {"questions":[{"kind":"TEXT","label":"Song?","required":false,"perGuest":false}]}""")
                .json().get(0).get("id").asText();
        JsonNode grace = api.post("/api/v1/events/" + event + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Grace\"}]}").json().at("/invitations/0");
        UUID invitation = UUID.fromString(grace.get("id").asText());
        // as an earlier release stored them
        jdbc.sql("UPDATE invitation SET note = 'Written long ago', response = 'YES', message = 'Sent long ago', "
                        + "message_sealed = NULL, guest_name = 'Grace of old', guest_name_sealed = NULL WHERE id = :id")
                .param("id", invitation).update();
        jdbc.sql("INSERT INTO question_answer (invitation_id, question_id, guest_index, value) "
                        + "VALUES (:id, :question::uuid, 0, 'Nocturne')")
                .param("id", invitation).param("question", question).update();
        UUID post = UUID.randomUUID();
        jdbc.sql("INSERT INTO wall_post (id, party_event_id, invitation_id, author_name, body) "
                        + "VALUES (:post, :event::uuid, :id, 'Grace', 'An old post')")
                .param("post", post).param("event", event).param("id", invitation).update();
        jdbc.sql("INSERT INTO wall_comment (id, post_id, invitation_id, author_name, body) "
                        + "VALUES (gen_random_uuid(), :post, :id, 'Grace', 'An old comment')")
                .param("post", post).param("id", invitation).update();
        assertThat(api.get("/api/v1/events/" + event + "/guests", organizer).body())
                .as("plain rows are read as they are").contains("Written long ago", "Nocturne");
        assertThat(api.get("/api/v1/events/" + event + "/wall", organizer).body())
                .contains("An old post", "An old comment");

        assertThat(api.getAs("/i/" + grace.get("token").asText(), "test").body())
                .contains("Sent long ago", "Grace of old");

        assertThat(legacy.sealAll()).isGreaterThanOrEqualTo(6);
        assertThat(api.getAs("/i/" + grace.get("token").asText(), "test").body())
                .contains("Sent long ago", "Grace of old");
        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE id = :id AND guest_name IS NULL "
                + "AND guest_name_sealed IS NOT NULL").param("id", invitation).query(Long.class).single()).isOne();
        assertThat(api.get("/api/v1/events/" + event + "/guests", organizer).body()).contains("Grace of old");

        assertThat(jdbc.sql("SELECT count(*) FROM invitation WHERE id = :id AND note IS NULL AND note_sealed IS NOT NULL "
                        + "AND message IS NULL AND message_sealed IS NOT NULL")
                .param("id", invitation).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM question_answer WHERE invitation_id = :id AND value IS NULL")
                .param("id", invitation).query(Long.class).single()).isOne();
        assertThat(api.get("/api/v1/events/" + event + "/guests", organizer).body())
                .contains("Written long ago", "Nocturne");
        assertThat(jdbc.sql("SELECT count(*) FROM wall_post WHERE id = :post AND body IS NULL AND author_name IS NULL "
                + "AND body_sealed IS NOT NULL").param("post", post).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM wall_comment WHERE post_id = :post AND body IS NULL "
                + "AND body_sealed IS NOT NULL").param("post", post).query(Long.class).single()).isOne();
        assertThat(api.get("/api/v1/events/" + event + "/wall", organizer).body())
                .contains("An old post", "An old comment", "\"authorName\":\"Grace\"");
        assertThat(legacy.sealAll()).as("nothing left").isZero();
    }
}
