package io.inviteflow.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.OrganizerApiTest;
import io.inviteflow.core.webhook.WebhookSignature;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail relay's reports: a delivery and a soft bounce are counted once however often the relay retries; a hard
 * bounce or a spam complaint stops marketing to the address and shows in the campaign's results; reports that are
 * not signed, stale, or about someone else's address change nothing.
 */
class MailFeedbackIT extends OrganizerApiTest {

    @Test
    void bouncesAndComplaintsStopMarketingAndEveryReportGoesOutOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fair = api.newEvent(organizer, "Craft fair");
        JsonNode guests = ok(api.post("/api/v1/events/" + fair + "/invitations", organizer, """
                {"guests":[{"name":"Ann","email":"ann-%1$s@example.org"},{"name":"Ben","email":"ben-%1$s@example.org"},
                           {"name":"Cat","email":"cat-%1$s@example.org"}]}""".formatted(tag)), 201).get("invitations");
        String id = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Stalls","segment":{"eventIds":["%s"]},"subject":"Hi","message":"{link}","channels":["EMAIL"]}"""
                .formatted(fair)), 201).get("id").asText();
        ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, "{}"), 200);
        String service = serviceToken();
        ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200);
        ok(api.post("/api/v1/internal/campaigns/" + id + "/delivered", service, "{\"invitationIds\":[\"%s\",\"%s\",\"%s\"]}"
                .formatted(inv(guests, 0), inv(guests, 1), inv(guests, 2))), 200);
        assertThat(audience(fair)).isEqualTo(3);

        assertThat(report("DELIVERED", key(id, guests, 0), "Ann-" + tag + "@Example.org", null)
                .get("recorded").asBoolean()).isTrue();
        assertThat(report("DELIVERED", key(id, guests, 0), "ann-" + tag + "@example.org", null)
                .get("recorded").asBoolean()).isFalse(); // the relay retried
        report("SOFT_BOUNCE", key(id, guests, 0), "ann-" + tag + "@example.org", "452 4.2.2 mailbox full");
        report("HARD_BOUNCE", key(id, guests, 1), "ben-" + tag + "@example.org", "550 5.1.1 user unknown");
        report("COMPLAINT", key(id, guests, 2), "cat-" + tag + "@example.org", null);

        assertThat(audience(fair)).isEqualTo(1); // Ann only: Ben's address is dead, Cat called it spam
        JsonNode results = ok(api.get("/api/v1/campaigns/" + id + "/results", organizer), 200);
        assertThat(results.get("bounced").asLong()).isEqualTo(1);
        assertThat(results.get("unsubscribed").asLong()).isEqualTo(1); // Cat's complaint; Ben's dead address is a bounce, not a choice

        // refused: unsigned, signed with another secret, stale, someone else's address, no such mail, no such kind
        String body = reportJson("HARD_BOUNCE", key(id, guests, 0), "ann-" + tag + "@example.org", "x");
        assertThat(post(body, null).status()).isEqualTo(401);
        assertThat(post(body, WebhookSignature.header("other", Instant.now().getEpochSecond(), body)).status())
                .isEqualTo(401);
        assertThat(post(body, WebhookSignature.header(MAIL_FEEDBACK_SECRET, Instant.now().getEpochSecond() - 600,
                body)).status()).isEqualTo(401);
        Api.Response notHers = signed(reportJson("HARD_BOUNCE", key(id, guests, 0), "eve@example.org", "x"));
        assertThat(notHers.status()).isEqualTo(422);
        assertThat(notHers.json().get("field").asText()).isEqualTo("recipient");
        assertThat(signed(reportJson("HARD_BOUNCE", "campaign/x", "ann-" + tag + "@example.org", "x")).json()
                .get("field").asText()).isEqualTo("messageKey");
        assertThat(signed(reportJson("BLOCKED", key(id, guests, 0), "ann-" + tag + "@example.org", "x")).json()
                .get("field").asText()).isEqualTo("kind");
        assertThat(audience(fair)).isEqualTo(1);

        try (ActivityReader reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> mine = reader.readUntil(all -> all.stream().filter(m -> about(m, guests))
                    .count() >= 5, Duration.ofSeconds(20)).stream().filter(m -> about(m, guests)).toList();
            assertThat(mine).extracting(m -> m.activity().type() + " " + m.activity().payload())
                    .containsExactlyInAnyOrder(
                            "MESSAGE_DELIVERED {\"kind\":\"campaign\",\"campaignId\":\"" + id + "\",\"channel\":\"email\"}",
                            "MESSAGE_BOUNCED {\"kind\":\"campaign\",\"campaignId\":\"" + id + "\",\"channel\":\"email\","
                                    + "\"permanent\":false,\"diagnostic\":\"452 4.2.2 mailbox full\"}",
                            "MESSAGE_BOUNCED {\"kind\":\"campaign\",\"campaignId\":\"" + id + "\",\"channel\":\"email\","
                                    + "\"permanent\":true,\"diagnostic\":\"550 5.1.1 user unknown\"}",
                            "UNSUBSCRIBED {\"scope\":\"marketing\",\"via\":\"hard-bounce\"}",
                            "UNSUBSCRIBED {\"scope\":\"marketing\",\"via\":\"complaint\"}");
        }
    }

    private static boolean about(ActivityReader.Message m, JsonNode guests) {
        ActivityType type = m.activity().type();
        String aggregate = String.valueOf(m.activity().aggregateId());
        return (type == ActivityType.MESSAGE_DELIVERED || type == ActivityType.MESSAGE_BOUNCED
                || type == ActivityType.UNSUBSCRIBED)
                && (aggregate.equals(inv(guests, 0)) || aggregate.equals(inv(guests, 1))
                || aggregate.equals(inv(guests, 2)));
    }

    private long audience(String eventId) {
        return ok(api.post("/api/v1/campaigns/audience-count", organizer,
                "{\"segment\":{\"eventIds\":[\"%s\"]},\"channels\":[\"EMAIL\"]}".formatted(eventId)), 200)
                .get("people").asLong();
    }

    private JsonNode report(String kind, String key, String recipient, String diagnostic) {
        return ok(signed(reportJson(kind, key, recipient, diagnostic)), 200);
    }

    private Api.Response signed(String body) {
        return post(body, WebhookSignature.header(MAIL_FEEDBACK_SECRET, Instant.now().getEpochSecond(), body));
    }

    private Api.Response post(String body, String signature) {
        return api.exchange("/webhooks/mail-feedback", request -> {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            return signature == null ? request : request.header("Inviteflow-Signature", signature);
        });
    }

    private static String reportJson(String kind, String key, String recipient, String diagnostic) {
        return "{\"kind\":\"%s\",\"messageKey\":\"%s\",\"recipient\":\"%s\"%s}".formatted(kind, key, recipient,
                diagnostic == null ? "" : ",\"diagnostic\":\"" + diagnostic + "\"");
    }

    private static String key(String campaignId, JsonNode guests, int i) {
        return "campaign/" + campaignId + "/email:" + inv(guests, i);
    }

    private static String inv(JsonNode guests, int i) {
        return guests.get(i).get("id").asText();
    }
}
