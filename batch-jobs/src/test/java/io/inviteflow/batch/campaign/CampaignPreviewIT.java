package io.inviteflow.batch.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's preview and send-test-to-me: rendered by the sending code, for a sample person, every link to the
 * page given and nothing counted; a test mail per version reaches the organizer's inbox, marked as a test.
 */
class CampaignPreviewIT extends BatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE = "http://127.0.0.1:8080/campaigns";

    @LocalServerPort
    int port;

    @Test
    void previewShowsEachVersionPerChannelWithUncountedLinks() throws Exception {
        HttpResponse<String> response = post("/api/v1/campaigns/preview", draft("""
                "channels":["EMAIL","PUSH","SMS"],"subjectB":"B for {firstName}","messageB":"Other words <b>{link}</b>\""""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode versions = JSON.readTree(response.body()).get("versions");
        assertThat(versions).hasSize(2);
        JsonNode a = versions.get(0);
        assertThat(a.get("variant").asText()).isEqualTo("A");
        assertThat(a.at("/email/subject").asText()).isEqualTo("Ada, see you at Jazz & Wine");
        assertThat(a.at("/email/text").asText()).contains("Dear Ada Lovelace, welcome to Jazz & Wine: " + CONSOLE)
                .contains("No more news or offers at this address: " + CONSOLE);
        assertThat(a.at("/email/html").asText()).contains("Jazz &amp; Wine")
                .contains("<a href=\"" + CONSOLE + "\"").doesNotContain("<img").doesNotContain("/c/");
        assertThat(a.at("/push/title").asText()).isEqualTo("Ada, see you at Jazz & Wine");
        assertThat(a.at("/push/url").asText()).isEqualTo(CONSOLE);
        String text = a.at("/sms/body").asText();
        assertThat(text).isEqualTo("Dear Ada Lovelace, welcome to Jazz & Wine: " + CONSOLE + "\n\nNo more texts: "
                + CONSOLE);
        assertThat(a.at("/sms/length").asInt()).isEqualTo(text.length());
        JsonNode b = versions.get(1);
        assertThat(b.get("variant").asText()).isEqualTo("B");
        assertThat(b.at("/email/subject").asText()).isEqualTo("B for Ada");
        assertThat(b.at("/email/html").asText()).contains("Other words &lt;b&gt;");
    }

    @Test
    void testMailGoesToTheOrganizerOncePerVersion() throws Exception {
        String me = "organizer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> response = post("/api/v1/campaigns/test-mail", """
                {"to":"%s","campaign":%s}""".formatted(me, draft("""
                "channels":["EMAIL"],"subjectB":"B for {firstName}","messageB":"Other {link}\"""")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("mails").asInt()).isEqualTo(2);
        var inbox = Mailboxes.awaitInbox(me, 2, Duration.ofSeconds(20));
        assertThat(inbox).extracting(Mailboxes.Mail::subject).containsExactlyInAnyOrder(
                "[Test, version A] Ada, see you at Jazz & Wine", "[Test, version B] B for Ada");
        assertThat(inbox).allSatisfy(m -> {
            assertThat(m.text()).contains(CONSOLE).doesNotContain("/c/");
            assertThat(m.html()).doesNotContain("<img");
        });
    }

    @Test
    void badDraftsAreRefusedWithAProblem() throws Exception {
        HttpResponse<String> noSubject = post("/api/v1/campaigns/preview", """
                {"message":"x","channels":["EMAIL"],"eventTitle":"E","link":"%s"}""".formatted(CONSOLE));
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(noSubject.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> pushOnly = post("/api/v1/campaigns/test-mail", """
                {"to":"me@example.org","campaign":%s}""".formatted(draft("\"channels\":[\"PUSH\"]")));
        assertThat(pushOnly.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(pushOnly.body()).get("detail").asText()).contains("no email channel");

        HttpResponse<String> notAnAddress = post("/api/v1/campaigns/test-mail", """
                {"to":"not an address","campaign":%s}""".formatted(draft("\"channels\":[\"EMAIL\"]")));
        assertThat(notAnAddress.statusCode()).isEqualTo(400);
    }

    private static String draft(String extra) {
        return """
                {"subject":"{firstName}, see you at {eventTitle}","message":"Dear {name}, welcome to {eventTitle}: {link}",
                 "eventTitle":"Jazz & Wine","guestName":"Ada Lovelace","link":"%s",%s}""".formatted(CONSOLE, extra);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }
}
