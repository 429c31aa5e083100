package io.inviteflow.batch.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import io.inviteflow.batch.support.WebPushReceiver;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign from the organizer's API to the guests' inboxes and browsers: each person of the segment gets it once
 * per channel with their own merge fields, an opted-out person gets nothing, and launching again sends nothing more.
 */
class CampaignJobIT extends BatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.function.Predicate<Mailboxes.Mail> CAMPAIGN = m -> m.reminderKey() != null
            && m.reminderKey().startsWith("campaign/");

    @Autowired
    CampaignLauncher launcher;

    @Test
    void eachPersonGetsTheCampaignOncePerChannelWithTheirOwnWords() throws Exception {
        UUID campaignId;
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Open studio");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada Lovelace", "Bob", "Cy"),
                List.of("ada-" + tag + "@example.org", "bob-" + tag + "@example.org", "cy-" + tag + "@example.org"));
        CoreApi.Invited ada = guests.get(0);
        CoreApi.Invited bob = guests.get(1);
        CoreApi.Invited cy = guests.get(2);
        // Bob wants no marketing at all
        var optOut = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(bob.link().replaceAll("#.*", "") + "/marketing/stop"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(optOut.statusCode()).isEqualTo(200);

        try (WebPushReceiver push = new WebPushReceiver()) {
            WebPushReceiver.Subscription phone = push.subscribe("cy-" + tag, false);
            core.send("POST", "/i/" + cy.token() + "/push", null, phone.json());

            JsonNode campaign = core.send("POST", "/api/v1/campaigns", organizer, """
                    {"name":"Last chance","segment":{"eventIds":["%s"]},"subject":"{firstName}, last chance",
                     "message":"Dear {name}, {eventTitle} opens its doors: {link}","channels":["EMAIL","PUSH"]}"""
                    .formatted(eventId));
            String id = campaign.get("id").asText();
            campaignId = UUID.fromString(id);
            assertThat(core.send("POST", "/api/v1/campaigns/audience-count", organizer, """
                    {"segment":{"eventIds":["%s"]},"channels":["EMAIL","PUSH"]}""".formatted(eventId))
                    .get("people").asLong()).isEqualTo(2);
            core.send("POST", "/api/v1/campaigns/" + id + "/schedule", organizer, "{}");

            assertThat(launcher.launchDue(Instant.now().plusSeconds(1))).isPositive();

            assertThat(Mailboxes.awaitInbox(ada.email(), CAMPAIGN, 1, Duration.ofSeconds(20))).singleElement()
                    .satisfies(m -> {
                        assertThat(m.subject()).isEqualTo("Ada, last chance");
                        String page = ada.link().replaceAll("#.*", "");
                        assertThat(m.text()).contains("Dear Ada Lovelace, Open studio opens its doors: "
                                + page + "/c/" + id + "?via=email");
                        assertThat(m.html()).contains("<a href=\"" + page + "/c/" + id + "?via=email\"")
                                .contains("<img src=\"" + page + "/c/" + id + "/open.gif\"");
                        // in the invitation's theme: the birthday template's first, Confetti
                        assertThat(m.html()).contains("background:#f6f4fb").contains("solid #5b3cc4")
                                .contains("'Trebuchet MS'");
                        assertThat(m.listUnsubscribe()).endsWith("/marketing/stop>");
                        assertThat(m.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
                    });
            assertThat(Mailboxes.awaitInbox(cy.email(), CAMPAIGN, 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(Mailboxes.inbox(bob.email()).stream().filter(CAMPAIGN)).isEmpty();
            assertThat(push.received()).singleElement().satisfies(p -> {
                JsonNode shown = JSON.readTree(p.plaintext());
                assertThat(shown.get("title").asText()).isEqualTo("Cy, last chance");
                assertThat(shown.get("url").asText()).endsWith("/c/" + id + "?via=push");
            });
            JsonNode sent = core.send("GET", "/api/v1/campaigns/" + id, organizer, "");
            assertThat(sent.get("status").asText()).isEqualTo("SENT");
            // the sender told the core whom it reached (Cy by mail and push is one person); Ada's mail is shown
            assertThat(core.send("GET", "/api/v1/campaigns/" + id + "/results", organizer, "").toString())
                    .isEqualTo("{\"audience\":2,\"sent\":2,\"opened\":0,\"clicked\":0,\"answered\":0,"
                            + "\"unsubscribed\":0,\"bounced\":0,\"variants\":[]}");
            String html = Mailboxes.inbox(ada.email()).stream().filter(CAMPAIGN).findFirst().orElseThrow().html();
            var pixel = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
            assertThat(pixel.find()).isTrue();
            var shown = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(pixel.group(1))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(shown.headers().firstValue("Content-Type")).contains("image/gif");
            assertThat(core.send("GET", "/api/v1/campaigns/" + id + "/results", organizer, "").get("opened").asLong())
                    .isEqualTo(1);

            // a later launch finds nothing due: nobody hears it twice
            launcher.launchDue(Instant.now().plusSeconds(2));
            assertThat(Mailboxes.inbox(ada.email()).stream().filter(CAMPAIGN)).hasSize(1);
            assertThat(push.received()).hasSize(1);
        }

        try (var reader = new ActivityReader(TOPIC)) {
            Set<UUID> ours = Set.of(ada.invitationId(), cy.invitationId());
            var codec = new ActivityCodec();
            java.util.function.Function<List<ActivityReader.Message>, List<Payloads.ReminderSent>> campaignSent =
                    all -> all.stream().filter(m -> m.activity().type() == ActivityType.REMINDER_SENT
                                    && ours.contains(m.activity().aggregateId()))
                            .map(m -> codec.payloadAs(m.activity(), Payloads.ReminderSent.class))
                            .filter(r -> r.reminderKind().equals("campaign")).toList();
            assertThat(campaignSent.apply(reader.readUntil(all -> campaignSent.apply(all).size() >= 3,
                    Duration.ofSeconds(30)))).containsExactlyInAnyOrder(
                    new Payloads.ReminderSent("campaign", "email", campaignId),
                    new Payloads.ReminderSent("campaign", "email", campaignId),
                    new Payloads.ReminderSent("campaign", "push", campaignId));
            // the top of the campaign's funnel, once: whom it was queued for when its audience was fixed
            var queued = reader.readUntil(all -> all.stream().anyMatch(m -> m.activity().type()
                    == ActivityType.MESSAGE_QUEUED && m.activity().aggregateId().equals(campaignId)),
                    Duration.ofSeconds(30)).stream()
                    .filter(m -> m.activity().type() == ActivityType.MESSAGE_QUEUED
                            && m.activity().aggregateId().equals(campaignId)).toList();
            assertThat(queued).singleElement().satisfies(m -> {
                assertThat(m.activity().aggregateType()).isEqualTo("campaign");
                assertThat(codec.payloadAs(m.activity(), Payloads.MessagesQueued.class)).isEqualTo(
                        new Payloads.MessagesQueued(campaignId, List.of("email", "push"), 2, 2, 0, 0));
            });
        }
    }
}
