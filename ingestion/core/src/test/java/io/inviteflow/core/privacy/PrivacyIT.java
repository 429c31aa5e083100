package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.media.TestImages;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.StoredGuestNames;
import io.inviteflow.core.support.StoredWords;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's copy and erasure, handled by an admin: after an erasure no table of PostgreSQL and no activity on Kafka
 * holds the person's name, address, number or words, their links open nothing, their guest key cannot be made again,
 * and everyone else's data is untouched. (The ClickHouse archive's part: {@code ArchiveErasureIT} in streaming-jobs.)
 */
class PrivacyIT extends CoreIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GuestKeys keys;
    @Autowired
    BlindIndex index;

    @Autowired
    PersonalText text;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** What must be gone: unique to this run, so a match can only be this person's. */
    private final String email = "ada-" + run + "@example.org";
    private final String surname = "Byron" + run;
    private final String phone = "+49170" + (1_000_000 + Math.abs(run.hashCode() % 8_000_000));
    private final String note = "allergic to peanuts " + run;
    private final String wallText = "my famous cake " + run;

    @Test
    void onlyAdminsHandleRequestsAboutPeoplesData() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String subject = "{\"email\":\"someone@example.org\"}";
        assertThat(api.post("/api/v1/admin/privacy/exports", organizer, subject).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/privacy/erasures", organizer, subject).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/privacy/requests", organizer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/privacy/erasures", null, subject).status()).isEqualTo(401);

        String admin = api.adminToken();
        assertThat(api.post("/api/v1/admin/privacy/erasures", admin, "{}").status()).as("nobody").isEqualTo(422);
        assertThat(api.post("/api/v1/admin/privacy/erasures", admin,
                "{\"email\":\"a@example.org\",\"phone\":\"+491701234567\"}").status()).as("two people?").isEqualTo(422);
        var nobody = api.post("/api/v1/admin/privacy/erasures", admin, "{\"phone\":\"+49 170 000 00 01\"}");
        assertThat(nobody.status()).as("a number nobody has: nothing to erase").isEqualTo(200);
        assertThat(nobody.json().get("erased").get("events").asInt()).isZero();
        var badNumber = api.post("/api/v1/admin/privacy/erasures", admin, "{\"phone\":\"0170 12\"}");
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(badNumber.contentType()).contains("application/problem+json");
    }

    @Test
    void anErasedPersonIsGoneFromEveryStoreWhileEveryoneElseStays() throws Exception {
        var api = new Api(port);
        String admin = api.adminToken();
        String hosts = api.newOrganizerToken();
        assertThat(api.upload("/api/v1/contacts/import?list=Friends", hosts, "friends.csv", """
                First Name,Last Name,E-mail Address,Mobile Phone
                Ada,%s,%s,%s
                Grace,Hopper,grace-%s@example.org,
                """.formatted(surname, email, phone, run).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        String party = api.newEvent(hosts, "Garden party " + run);
        JsonNode invited = invite(api, hosts, party, """
                {"name":"Ada %s","email":"%s","phone":"%s"},{"name":"Grace Hopper","email":"grace-%s@example.org"}"""
                .formatted(surname, email, phone, run));
        String adaToken = invited.get(0).get("token").asText();
        String graceId = invited.get(1).get("id").asText();
        assertThat(api.post("/api/v1/events/" + party + "/team/invitations", hosts, "{\"email\":\"%s\"}"
                .formatted(email)).status()).as("asked to co-organize, not joined yet").isEqualTo(201);
        String otherHost = api.newOrganizerToken();
        String talk = api.newEvent(otherHost, "Conference " + run);
        JsonNode elsewhere = invite(api, otherHost, talk, "{\"name\":\"A. %s\",\"email\":\"%s\"}"
                .formatted(surname, email.toUpperCase()));

        assertThat(api.post("/api/v1/invitations/" + adaToken + "/rsvp", null,
                "{\"response\":\"YES\",\"plusOnes\":1,\"note\":\"%s\"}".formatted(note)).status()).isEqualTo(200);
        assertThat(api.wallPost(adaToken, wallText, "cake.jpg", TestImages.photo(800, 600, "jpg")).status())
                .isEqualTo(303);
        String photo = jdbc.sql("SELECT photo_url FROM wall_post WHERE invitation_id = :id")
                .param("id", UUID.fromString(invited.get(0).get("id").asText())).query(String.class).single();
        String photoPath = URI.create(photo).getPath();
        assertThat(api.get(photoPath, null).status()).isEqualTo(200);
        // what her mail server reported about a reminder to her (the ledger's key names her invitation)
        jdbc.sql("INSERT INTO mail_feedback (message_key, kind) VALUES (:key, 'DELIVERED')")
                .param("key", "unanswered:" + invited.get(0).get("id").asText()).update();
        String keyBefore = keys.of(index.personKeyOfEmail(email));

        Map<String, String> copy = unzip(download(admin, "{\"email\":\" " + email.toUpperCase() + " \"}"));
        JsonNode person = JSON.readTree(copy.get("person.json"));
        assertThat(person.get("invitations")).hasSize(2);
        assertThat(person.get("invitations").findValuesAsText("event"))
                .containsExactlyInAnyOrder("Garden party " + run, "Conference " + run);
        assertThat(person.toString()).contains(note, wallText, surname, phone)
                .as("nobody else's data").doesNotContain("grace-" + run);
        assertThat(person.get("contacts")).hasSize(1);
        assertThat(person.get("team_invitations").findValuesAsText("event")).containsExactly("Garden party " + run);
        assertThat(copy.get("README.txt")).contains("person.json");

        JsonNode erased = api.post("/api/v1/admin/privacy/erasures", admin, "{\"email\":\"" + email + "\"}").json();
        assertThat(erased.at("/erased/invitations").asInt()).isEqualTo(2);
        assertThat(erased.at("/erased/events").asInt()).isEqualTo(2);
        assertThat(erased.at("/erased/contacts").asInt()).isEqualTo(1);
        assertThat(erased.at("/erased/wall_posts").asInt()).isEqualTo(1);
        assertThat(erased.at("/erased/team_invitations").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM team_invite i JOIN party_event e ON e.id = i.event_id "
                + "WHERE e.title = :title AND i.withdrawn_at IS NOT NULL AND i.email_sealed IS NULL")
                .param("title", "Garden party " + run).query(Long.class).single())
                .as("her invitation to the team withdrawn, its address shredded").isEqualTo(1);

        assertThat(StoredWords.columnsHolding(jdbc, email, surname, phone, note, wallText))
                .as("PostgreSQL after the erasure").isEmpty();
        assertThat(api.getAs("/i/" + adaToken, "test").status()).as("her link opens nothing").isEqualTo(404);
        assertThat(api.get(photoPath, null).status()).as("her photo's stored copy is gone").isEqualTo(404);
        assertThat(keys.of(index.personKeyOfEmail(email))).as("her secret is gone: the old guest key cannot be made again")
                .isNotEqualTo(keyBefore);
        assertThat(StoredGuestNames.emailOf(jdbc, text, UUID.fromString(graceId)))
                .isEqualTo("grace-" + run + "@example.org");
        assertThat(StoredGuestNames.of(jdbc, text, UUID.fromString(graceId))).isEqualTo("Grace Hopper");

        List<String> herInvitations = List.of(invited.get(0).get("id").asText(), elsewhere.get(0).get("id").asText());
        try (var reader = new ActivityReader(TOPIC)) {
            // other tests erase other people on the same topic: hers are the erasures naming her invitations
            List<ActivityReader.Message> all = reader.readUntil(m -> erasedIds(erasures(m), herInvitations).size() >= 2,
                    Duration.ofSeconds(30));
            assertThat(erasedIds(erasures(all), herInvitations)).as("one erasure per event, each naming hers only")
                    .containsExactlyInAnyOrder(List.of(herInvitations.get(0)), List.of(herInvitations.get(1)));
            assertThat(all).as("no activity ever carried her name, address, number or words")
                    .noneSatisfy(m -> assertThat(m.activity().toString()).containsAnyOf(email, surname, phone, note,
                            wallText, email.toUpperCase()));
        }

        JsonNode trail = api.get("/api/v1/admin/privacy/requests", admin).json();
        assertThat(trail.get(0).get("kind").asText()).isEqualTo("ERASURE");
        assertThat(trail.get(1).get("kind").asText()).isEqualTo("EXPORT");
        assertThat(trail.get(0).get("subjectHash").asText()).as("one person, one hash")
                .isEqualTo(trail.get(1).get("subjectHash").asText());
        assertThat(trail.get(0).get("handledBy").asText()).isEqualTo(ADMIN);
        assertThat(trail.toString()).doesNotContain(email);

        JsonNode again = api.post("/api/v1/admin/privacy/erasures", admin, "{\"email\":\"" + email + "\"}").json();
        assertThat(again.at("/erased/invitations").isMissingNode() || again.at("/erased/invitations").asInt() == 0)
                .as("nothing left to erase").isTrue();
    }

    /** The invitation ids of each erasure that names one of {@code hers}. */
    private static List<List<String>> erasedIds(List<ActivityReader.Message> erasures, List<String> hers) {
        List<List<String>> named = new ArrayList<>();
        for (ActivityReader.Message m : erasures) {
            List<String> ids = new ArrayList<>();
            m.activity().payload().get("invitationIds").forEach(id -> ids.add(id.asText()));
            if (ids.stream().anyMatch(hers::contains)) {
                named.add(ids);
            }
        }
        return named;
    }

    private static List<ActivityReader.Message> erasures(List<ActivityReader.Message> all) {
        return all.stream().filter(m -> m.activity().type() == ActivityType.PERSON_ERASED).toList();
    }

    private JsonNode invite(Api api, String organizer, String event, String guests) {
        var invited = api.post("/api/v1/events/" + event + "/invitations", organizer, "{\"guests\":[" + guests + "]}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().get("invitations");
    }

    private byte[] download(String token, String subject) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/admin/privacy/exports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(subject)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        return response.body();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
