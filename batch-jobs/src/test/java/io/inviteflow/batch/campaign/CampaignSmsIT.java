package io.inviteflow.batch.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.batch.support.CoreServer;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.localstack.twilio.TwilioStandIn;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign by SMS through the Twilio stand-in (not Twilio), its delivery reports back through the core's signed
 * status hook: each number with its country code gets one text with its counted link and the way out; a number whose
 * owner replied STOP is refused by the provider and never tried again; an unreachable handset comes back as a hard
 * bounce; a number without a country code, or whose owner did not say yes to texts on the invitation page (or took it
 * back on any of their invitations), is not texted, and a guest invited twice with one number gets one text.
 */
class CampaignSmsIT extends BatchIntegrationTest {

    @Autowired
    CampaignLauncher launcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachNumberIsTextedOnceAndTheProvidersReportsComeBack() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Street party");
        UUID afterParty = core.newEvent(organizer, "After party");
        String ada = "+49 151 " + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        String eve = "+447700900123";
        String gus = "+44 7700 900789";
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ada", "Bob", "Cy", "Dee", "Eve",
                        "Fay", "Gus"), java.util.Collections.nCopies(7, null),
                List.of(ada, "+15005550004", TwilioStandIn.UNREACHABLE_HANDSET, "0151 2345678", eve,
                        "+447700900456", gus));
        List<CoreApi.Invited> alsoAfter = core.invite(organizer, afterParty, List.of("Eve", "Gus"),
                java.util.Collections.nCopies(2, null), List.of(eve, gus));
        String adaE164 = ada.replace(" ", "");
        // texts need the guest's yes, given on their invitation page: Ada, Bob, Cy and Gus (on both his invitations)
        // say yes; Eve says yes on both and then no on one, which is no for her number; Fay never says yes; Dee is
        // not even asked (no country code, so no number to text)
        for (CoreApi.Invited guest : List.of(guests.get(0), guests.get(1), guests.get(2), guests.get(6),
                alsoAfter.get(1), alsoAfter.get(0))) {
            assertThat(guestPost(guest, "/texts")).contains("the host may text you at +");
        }
        assertThat(guestPost(guests.get(4), "/texts")).contains("+44••••••••23");
        assertThat(guestPost(alsoAfter.get(0), "/texts/stop")).contains("no more texts from the host");
        assertThat(guestPage(guests.get(4))).contains("Text me");
        assertThat(guestPage(guests.get(5))).contains("/texts\"").contains("Text me");
        assertThat(guestPage(guests.get(3))).doesNotContain("/texts\"");

        String segment = "{\"eventIds\":[\"%s\",\"%s\"]}".formatted(eventId, afterParty);
        assertThat(core.send("POST", "/api/v1/campaigns/audience-count", organizer, """
                {"segment":%s,"channels":["SMS"]}""".formatted(segment))
                .get("people").asLong()).as("Ada, Bob, Cy and Gus (once) said yes to texts").isEqualTo(4);
        String id = core.send("POST", "/api/v1/campaigns", organizer, """
                {"name":"Tonight","segment":%s,"subject":"Tonight",
                 "message":"Hi {firstName}, {eventTitle} starts at 6: {link}","channels":["SMS"]}"""
                .formatted(segment)).get("id").asText();
        core.send("POST", "/api/v1/campaigns/" + id + "/schedule", organizer, "{}");

        assertThat(launcher.launchDue(Instant.now().plusSeconds(1))).isPositive();

        List<ObjectNode> texts = ours(Set.of(adaE164, TwilioStandIn.UNREACHABLE_HANDSET, "+447700900789",
                eve, "+447700900456"));
        assertThat(texts).extracting(t -> t.get("to").asText()).containsExactlyInAnyOrder(adaE164,
                TwilioStandIn.UNREACHABLE_HANDSET, "+447700900789");
        String page = guests.get(0).link().replaceAll("#.*", "");
        assertThat(texts).filteredOn(t -> t.get("to").asText().equals(adaE164)).singleElement()
                .satisfies(t -> {
                    assertThat(t.get("from").asText()).isEqualTo("+15005550006");
                    assertThat(t.get("body").asText()).isEqualTo("Hi Ada, Street party starts at 6: " + page + "/c/"
                            + id + "?via=sms\n\nNo more texts: " + page + "/marketing/stop");
                });
        // Bob replied STOP to this sender once: the provider refuses, and the ledger keeps it from being tried again
        assertThat(jdbc.sql("SELECT status || ' ' || last_error FROM reminder_delivery WHERE kind = :kind "
                        + "AND invitation_id = :id")
                .param("kind", "campaign/" + id + "/sms").param("id", guests.get(1).invitationId())
                .query(String.class).single()).startsWith("refused Twilio 400 21610");

        // Twilio's status callbacks reach the core: Ada's text delivered, Cy's handset unreachable (a hard bounce)
        CoreServer.TWILIO.awaitWebhooks();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode results = core.send("GET", "/api/v1/campaigns/" + id + "/results", organizer, "");
            assertThat(results.get("sent").asLong()).isEqualTo(3);
            assertThat(results.get("bounced").asLong()).isEqualTo(1);
            assertThat(results.get("unsubscribed").asLong()).as("a dead number is no opt-out").isZero();
        });

        // Bob's number was asked once (the provider's own log, refusals included)
        assertThat(CoreServer.TWILIO.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*/Messages\\.json"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("To=%2B15005550004"))))
                .hasSize(1);

        try (var reader = new ActivityReader(TOPIC)) {
            var codec = new ActivityCodec();
            UUID adaId = guests.get(0).invitationId();
            UUID cyId = guests.get(2).invitationId();
            var seen = reader.readUntil(all -> all.stream().anyMatch(m -> m.activity().type()
                    == ActivityType.MESSAGE_BOUNCED && m.activity().aggregateId().equals(cyId)), Duration.ofSeconds(30));
            assertThat(seen).filteredOn(m -> m.activity().type() == ActivityType.MESSAGE_DELIVERED
                            && m.activity().aggregateId().equals(adaId)).singleElement()
                    .satisfies(m -> assertThat(codec.payloadAs(m.activity(), Payloads.MessageDelivered.class))
                            .isEqualTo(new Payloads.MessageDelivered("campaign", UUID.fromString(id), "sms")));
            assertThat(seen).filteredOn(m -> m.activity().type() == ActivityType.MESSAGE_BOUNCED).singleElement()
                    .satisfies(m -> assertThat(codec.payloadAs(m.activity(), Payloads.MessageBounced.class))
                            .isEqualTo(new Payloads.MessageBounced("campaign", UUID.fromString(id), "sms", true,
                                    "Twilio error 30003")));
            assertThat(seen).filteredOn(m -> m.activity().type() == ActivityType.REMINDER_SENT
                            && Set.of(adaId, cyId).contains(m.activity().aggregateId()))
                    .extracting(m -> codec.payloadAs(m.activity(), Payloads.ReminderSent.class).channel())
                    .containsExactly("sms", "sms");
        }
    }

    @Test
    void theStatusHookTakesOnlyTwiliosSignature() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(CoreServer.shared().url()
                        + "/webhooks/sms-status?key=campaign%2F" + UUID.randomUUID() + "%2Fsms%3A" + UUID.randomUUID()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "GvWf1cFY/Q7PnoempGyD5oXAezc=")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("MessageStatus=delivered&To=%2B15005550006"))
                .build();

        var answer = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
    }

    private static String guestPost(CoreApi.Invited guest, String path) throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(guest.link().replaceAll("#.*", "") + path))
                .header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static String guestPage(CoreApi.Invited guest) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(guest.link().replaceAll("#.*", ""))).header("Accept-Language", "en").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<ObjectNode> ours(Set<String> numbers) {
        return CoreServer.TWILIO.messages().stream().filter(m -> numbers.contains(m.get("to").asText())).toList();
    }
}
