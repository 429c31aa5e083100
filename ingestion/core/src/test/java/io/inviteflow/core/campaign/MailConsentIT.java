package io.inviteflow.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.support.OrganizerApiTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import io.inviteflow.core.security.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where marketing mail needs a yes first: the invitation page's button only mails a link to the invitation's address,
 * and a campaign's mail reaches only guests who confirmed through it (at any of that organizer's events, no other
 * organizer's); the yes is kept with its time and source, a no or the stop link ends it, a new yes is a new row.
 */
class MailConsentIT extends OrganizerApiTest {

    @DynamicPropertySource
    static void consentNeeded(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.campaigns.mail-needs-consent", () -> "true");
    }

    private static final Pattern LINK = Pattern.compile("http\\S+(/i/[^/\\s]+/news/confirm\\?code=[A-Za-z0-9_-]+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;

    @Test
    void onlyAYesConfirmedFromTheMailboxLetsTheOrganizersMailThrough() {
        String ann = "ann-" + UUID.randomUUID() + "@example.org";
        String party = api.newEvent(organizer, "Garden party");
        String dinner = api.newEvent(organizer, "Dinner");
        String annsToken = invite(organizer, party, "Ann", ann).get(0).get("token").asText();
        invite(organizer, party, "Ben", "ben-" + UUID.randomUUID() + "@example.org");
        invite(organizer, dinner, "Ann", ann.toUpperCase());
        String stranger = api.newOrganizerToken();
        String theirs = api.newEvent(stranger, "Someone else's");
        invite(stranger, theirs, "Ann", ann);

        assertThat(mailable(organizer, party)).as("nobody said yes").isZero();
        assertThat(api.get("/i/" + annsToken, null).body()).contains("Email me news");

        // the button alone, which whoever holds the link can press (the organizer holds them all), records nothing
        var asked = api.postForm("/i/" + annsToken + "/news", "");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("We emailed you a link");
        assertThat(mailable(organizer, party)).as("not confirmed yet").isZero();
        String link = confirmLink(ann, 1);
        assertThat(api.get(link, null).body()).as("opening the link only asks").contains("Yes, email me news");
        assertThat(mailable(organizer, party)).isZero();

        assertThat(api.postForm(link, "").body()).contains("Done: the host may email you news.");
        assertThat(mailable(organizer, party)).isEqualTo(1);
        assertThat(mailable(organizer, dinner)).as("the same address at the organizer's other event").isEqualTo(1);
        assertThat(mailable(stranger, theirs)).as("another organizer").isZero();
        assertThat(api.postForm(link, "").status()).as("a link works once").isEqualTo(404);
        assertThat(api.postForm("/i/" + annsToken + "/news/confirm?code=forged", "").status()).isEqualTo(404);
        Map<String, Object> kept = jdbc.sql("SELECT source, given_at IS NOT NULL AS dated, withdrawn_at FROM mail_consent "
                + "WHERE email_normalized = :ann").param("ann", index.personKeyOfEmail(ann)).query().singleRow();
        assertThat(kept).containsEntry("source", "invitation page, confirmed by mail").containsEntry("dated", true)
                .containsEntry("withdrawn_at", null);

        assertThat(api.postForm("/i/" + annsToken + "/news/stop", "").body())
                .contains("Done: no more news by email from the host.", "Email me news");
        assertThat(mailable(organizer, party)).isZero();
        assertThat(mailable(organizer, dinner)).isZero();

        // yes again (a new row: the first yes and its withdrawal stay), then the stop link of a campaign mail
        api.postForm("/i/" + annsToken + "/news", "");
        api.postForm(confirmLink(ann, 2), "");
        assertThat(mailable(organizer, party)).isEqualTo(1);
        assertThat(api.postForm("/i/" + annsToken + "/marketing/stop", "List-Unsubscribe=One-Click").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT withdrawn_via FROM mail_consent WHERE email_normalized = :ann ORDER BY id")
                .param("ann", index.personKeyOfEmail(ann)).query(String.class).list()).containsExactly("invitation page", "one-click");
        assertThat(api.get("/i/" + annsToken, null).body()).as("unsubscribed from all news: no yes offered")
                .doesNotContain("Email me news");
    }

    /** A person's copy of their data holds their yes; their erasure deletes it. */
    @Test
    void aYesIsInThePersonsCopyAndGoesWithTheirErasure() throws Exception {
        String cat = "cat-" + UUID.randomUUID() + "@example.org";
        String party = api.newEvent(organizer, "Picnic");
        String catsToken = invite(organizer, party, "Cat", cat).get(0).get("token").asText();
        assertThat(api.postForm("/i/" + catsToken + "/news", "").status()).isEqualTo(200);
        assertThat(api.postForm(confirmLink(cat, 1), "").status()).isEqualTo(200);
        String admin = api.adminToken();

        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/admin/privacy/exports"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + cat + "\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode person = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("person.json")) {
                    person = new ObjectMapper().readTree(zip.readAllBytes());
                }
            }
        }
        assertThat(person).isNotNull();
        assertThat(person.get("mail_consents")).hasSize(1);
        assertThat(person.get("mail_consents").get(0).get("source").asText())
                .isEqualTo("invitation page, confirmed by mail");

        assertThat(api.post("/api/v1/admin/privacy/erasures", admin, "{\"email\":\"" + cat + "\"}").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_consent WHERE email_normalized = :cat").param("cat", index.personKeyOfEmail(cat))
                .query(Long.class).single()).isZero();
    }

    /** The path of the latest of the {@code n} confirmation links mailed to {@code address}. */
    private static String confirmLink(String address, int n) {
        var mails = Mailboxes.awaitInbox(address, Mailboxes.subject("Confirm: news by email"), n, Duration.ofSeconds(30));
        Matcher link = LINK.matcher(mails.get(mails.size() - 1).text());
        assertThat(link.find()).as(mails.get(mails.size() - 1).text()).isTrue();
        return link.group(1);
    }

    private long mailable(String token, String eventId) {
        return ok(api.post("/api/v1/campaigns/audience-count", token,
                "{\"segment\":{\"eventIds\":[\"" + eventId + "\"]},\"channels\":[\"EMAIL\"]}"), 200)
                .get("people").asLong();
    }

    private JsonNode invite(String token, String eventId, String name, String email) {
        return ok(api.post("/api/v1/events/" + eventId + "/invitations", token,
                "{\"guests\":[{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}]}"), 201).get("invitations");
    }
}
