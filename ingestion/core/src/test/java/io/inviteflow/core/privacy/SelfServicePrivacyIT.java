package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.StoredGuestNames;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest asks by themselves, from their invitation: with an address, through a link mailed to it (opening the link
 * only asks; confirming does it, once), reaching every event of that address; without one, for their own invitation
 * at once. Too many requests for one address in a day are refused.
 */
class SelfServicePrivacyIT extends CoreIntegrationTest {

    private static final Pattern LINK = Pattern.compile("(http\\S+/privacy/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalText text;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aGuestErasesThemselvesEverywhereThroughTheLinkMailedToTheirAddress() {
        var api = new Api(port);
        String email = "grace-" + run + "@example.org";
        String host = api.newOrganizerToken();
        JsonNode mine = invite(api, host, api.newEvent(host, "Picnic " + run), "Grace", email);
        String otherHost = api.newOrganizerToken();
        JsonNode elsewhere = invite(api, otherHost, api.newEvent(otherHost, "Gala " + run), "Grace H.", email);
        String token = mine.get("token").asText();

        String page = api.getAs("/i/" + token, "test").body();
        assertThat(page).contains("/i/" + token + "/privacy");
        assertThat(api.getAs("/i/" + token + "/privacy", "test").body()).contains("g•••@example.org")
                .doesNotContain(email);
        var asked = api.postForm("/i/" + token + "/privacy", "kind=ERASURE");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your mail");

        Mailboxes.Mail mail = Mailboxes.awaitInbox(email, Mailboxes.subject("Confirm the erasure"), 1,
                Duration.ofSeconds(30)).get(0);
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        String path = link.group(1).substring(link.group(1).indexOf("/privacy/"));

        assertThat(api.getAs(path, "test").body()).as("opening the link only asks").contains("Erase everything");
        assertThat(guestName(mine)).isEqualTo("Grace");
        var erased = api.postForm(path, "");
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body()).contains("Your data is erased");
        assertThat(guestName(mine)).isEqualTo(PersonalDataErasure.ERASED_NAME);
        assertThat(guestName(elsewhere)).as("every event of the address").isEqualTo(PersonalDataErasure.ERASED_NAME);
        assertThat(api.postForm(path, "").status()).as("a link works once").isEqualTo(404);
        assertThat(api.getAs("/i/" + token, "test").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/privacy/requests", api.adminToken()).json().get(0).get("handledBy").isNull())
                .as("in the trail, handled by the person").isTrue();
    }

    @Test
    void aGuestGetsTheirCopyThroughTheLinkAndAnAddressIsMailedAFewTimesADayAtMost() throws Exception {
        var api = new Api(port);
        String email = "alan-" + run + "@example.org";
        String host = api.newOrganizerToken();
        JsonNode guest = invite(api, host, api.newEvent(host, "Dinner " + run), "Alan", email);
        String token = guest.get("token").asText();

        for (int i = 0; i < 3; i++) {
            assertThat(api.postForm("/i/" + token + "/privacy", "kind=EXPORT").status()).isEqualTo(200);
        }
        assertThat(api.postForm("/i/" + token + "/privacy", "kind=EXPORT").status()).as("a fourth today")
                .isEqualTo(429);
        var mails = Mailboxes.awaitInbox(email, Mailboxes.subject("Your copy"), 3, Duration.ofSeconds(30));
        assertThat(mails).hasSize(3);
        Matcher link = LINK.matcher(mails.get(0).text());
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> copy = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + link.group(1).substring(link.group(1).indexOf("/privacy/"))))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(unzippedText(copy.body())).contains("Dinner " + run).contains(email);
        assertThat(guestName(guest)).as("a copy changes nothing").isEqualTo("Alan");

        jdbc.sql("UPDATE privacy_confirmation SET expires_at = now() - interval '1 second' WHERE email = :email")
                .param("email", email).update();
        Matcher second = LINK.matcher(mails.get(1).text());
        assertThat(second.find()).isTrue();
        assertThat(api.getAs(second.group(1).substring(second.group(1).indexOf("/privacy/")), "test").status())
                .as("an expired link").isEqualTo(404);
    }

    @Test
    void aGuestWithoutAnAddressActsOnTheirOwnInvitationAtOnce() throws Exception {
        var api = new Api(port);
        String host = api.newOrganizerToken();
        JsonNode guest = api.invite(host, api.newEvent(host, "Garden " + run), "Dennis " + run).get(0);
        String token = guest.get("token").asText();
        assertThat(api.getAs("/i/" + token + "/privacy", "test").body()).contains("Download my copy");

        HttpResponse<byte[]> copy = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/i/" + token + "/privacy/copy"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(unzippedText(copy.body())).contains("Dennis " + run);

        assertThat(api.postForm("/i/" + token + "/privacy/erasure", "").body()).as("not without the tick")
                .contains("I understand");
        assertThat(guestName(guest)).isEqualTo("Dennis " + run);
        assertThat(api.postForm("/i/" + token + "/privacy/erasure", "understood=yes").body())
                .contains("Your data is erased");
        assertThat(guestName(guest)).isEqualTo(PersonalDataErasure.ERASED_NAME);
    }

    private JsonNode invite(Api api, String host, String event, String name, String email) {
        var invited = api.post("/api/v1/events/" + event + "/invitations", host,
                "{\"guests\":[{\"name\":\"%s\",\"email\":\"%s\"}]}".formatted(name, email));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().get("invitations").get(0);
    }

    private String guestName(JsonNode invitation) {
        return StoredGuestNames.of(jdbc, text, UUID.fromString(invitation.get("id").asText()));
    }

    private static String unzippedText(byte[] zip) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
