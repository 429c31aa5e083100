package io.inviteflow.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.OrganizerApiTest;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns: who a segment reaches (once per person, never the opted-out), and a campaign's way to being sent. */
class CampaignsIT extends OrganizerApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    AbTestWinners winners;

    @Test
    void aSegmentCountsEachReachablePersonOnceAndNeverTheOptedOut() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String spring = api.newEvent(organizer, "Spring fair");
        String autumn = api.newEvent(organizer, "Autumn fair");
        JsonNode springGuests = invite(spring, "Ann:ann-" + tag, "Ben:ben-" + tag, "Cat:cat-" + tag, "Dan:");
        JsonNode autumnGuests = invite(autumn, "Ann:ann-" + tag, "Eve:eve-" + tag);
        answer(springGuests.get(0), "YES");
        answer(springGuests.get(1), "NO");
        answer(autumnGuests.get(1), "MAYBE");

        String everyone = "{\"segment\":{\"eventIds\":[\"%s\",\"%s\"]},\"channels\":[\"EMAIL\"]}".formatted(spring,
                autumn);
        // Ann is invited twice but is one person; Dan has no address
        assertThat(count(everyone)).isEqualTo(4);
        assertThat(count("{\"segment\":{\"eventIds\":[\"%s\"],\"answers\":[\"YES\",\"NONE\"]},\"channels\":[\"EMAIL\"]}"
                .formatted(spring))).isEqualTo(2); // Ann (YES), Cat (no answer)
        api.get("/i/" + springGuests.get(2).get("token").asText(), null); // Cat opens and does not answer
        assertThat(count("{\"segment\":{\"eventIds\":[\"%s\"],\"openedNotAnswered\":true},\"channels\":[\"EMAIL\"]}"
                .formatted(spring))).isEqualTo(1);

        // Ben unsubscribes from a campaign mail (one click): no campaign of anyone reaches him any more
        Api.Response stop = api.postForm("/i/" + springGuests.get(1).get("token").asText() + "/marketing/stop",
                "List-Unsubscribe=One-Click");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.body()).contains("You will get no more news or offers at this address.");
        assertThat(count(everyone)).isEqualTo(3);

        String stranger = api.newOrganizerToken();
        assertThat(api.post("/api/v1/campaigns/audience-count", stranger, everyone).status()).isEqualTo(404);
        Api.Response wrongAnswer = api.post("/api/v1/campaigns/audience-count", organizer,
                "{\"segment\":{\"eventIds\":[\"%s\"],\"answers\":[\"PERHAPS\"]},\"channels\":[\"EMAIL\"]}"
                        .formatted(spring));
        assertThat(wrongAnswer.status()).isEqualTo(422);
        assertThat(wrongAnswer.json().get("field").asText()).isEqualTo("segment.answers[0]");
    }

    @Test
    void aCampaignIsDraftedScheduledHandedToTheSenderAndSentOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gala = api.newEvent(organizer, "Gala");
        JsonNode guests = invite(gala, "Ann:ann-" + tag, "Ben:ben-" + tag);
        Api.Response noChannel = api.post("/api/v1/campaigns", organizer, """
                {"name":"Early bird","segment":{"eventIds":["%s"]},"subject":"Hi","message":"Hello","channels":[]}"""
                .formatted(gala));
        assertThat(noChannel.status()).isEqualTo(422);
        Api.Response tooFast = api.post("/api/v1/campaigns", organizer, """
                {"name":"Flood","segment":{"eventIds":["%s"]},"subject":"Hi","message":"Hello","channels":["EMAIL"],
                 "perMinute":0}""".formatted(gala));
        assertThat(tooFast.json().get("field").asText()).isEqualTo("perMinute");

        JsonNode draft = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Early bird","segment":{"eventIds":["%s"]},"subject":"{firstName}, early bird tickets",
                 "message":"Dear {name}, {eventTitle} tickets are on sale: {link}","channels":["EMAIL","PUSH"],
                 "perMinute":120}""".formatted(gala)), 201);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("perMinute").asInt()).isEqualTo(120);
        String id = draft.get("id").asText();
        assertThat(api.get("/api/v1/campaigns/" + id, api.newOrganizerToken()).status()).isEqualTo(404);

        Instant sendAt = Instant.now().plusSeconds(3600);
        JsonNode scheduled = ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer,
                "{\"sendAt\":\"" + sendAt + "\"}"), 200);
        assertThat(scheduled.get("status").asText()).isEqualTo("SCHEDULED");

        String service = serviceToken();
        // held, it is not due; resumed, it is due again as a new round (whoever got it is skipped by the sender)
        assertThat(ok(api.post("/api/v1/campaigns/" + id + "/pause", organizer, ""), 200).get("status").asText())
                .isEqualTo("PAUSED");
        assertThat(api.post("/api/v1/campaigns/" + id + "/pause", organizer, "").status()).isEqualTo(409);
        assertThat(ids(ok(api.get("/api/v1/internal/due-campaigns?at=" + sendAt.plusSeconds(1), service), 200)))
                .doesNotContain(id);
        ok(api.post("/api/v1/campaigns/" + id + "/resume", organizer, ""), 200);
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id, service), 200).get("round").asInt()).isEqualTo(1);
        assertThat(ids(ok(api.get("/api/v1/internal/due-campaigns?at=" + Instant.now(), service), 200)))
                .doesNotContain(id);
        assertThat(ids(ok(api.get("/api/v1/internal/due-campaigns?at=" + sendAt.plusSeconds(1), service), 200)))
                .contains(id);
        JsonNode page = ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200);
        assertThat(page.get("items")).extracting(r -> r.get("guestName").asText()).containsExactlyInAnyOrder("Ann", "Ben");
        assertThat(page.get("items").get(0).get("link").asText()).contains("/i/");
        // the audience was fixed when the sender first asked: a guest invited now is not added to this campaign
        invite(gala, "Cleo:cleo-" + tag);
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200).get("items"))
                .extracting(r -> r.get("guestName").asText()).containsExactlyInAnyOrder("Ann", "Ben");

        // the sender of round 0 (before the pause) cannot mark the resumed campaign sent; round 1's can, once
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", service, ""), 200)
                .get("marked").asBoolean()).isFalse();
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=1", service, ""), 200)
                .get("marked").asBoolean()).isTrue();
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=1", service, ""), 200)
                .get("marked").asBoolean()).isFalse();
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200).get("items"))
                .isEmpty(); // sent: nobody left to send to
        assertThat(api.post("/api/v1/campaigns/" + id + "/cancel", organizer, "").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/internal/due-campaigns?at=" + sendAt, organizer).status()).isEqualTo(403);
        assertThat(guests).hasSize(2);
    }

    @Test
    void aCampaignCountsWhomItReachedAndWhoOpenedClickedAnsweredOrLeft() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fair = api.newEvent(organizer, "Book fair");
        JsonNode guests = invite(fair, "Ann:ann-" + tag, "Ben:ben-" + tag, "Cat:cat-" + tag, "Dan:dan-" + tag);
        String outsider = invite(api.newEvent(organizer, "Other"), "Eve:eve-" + tag).get(0).get("token").asText();
        String id = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Last call","segment":{"eventIds":["%s"]},"subject":"Hi","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(fair)), 201).get("id").asText();
        ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, "{}"), 200);
        assertThat(ok(api.get("/api/v1/campaigns/" + id + "/results", organizer), 200).get("audience").asLong())
                .isZero(); // not going out yet: its audience is fixed when the sender first asks
        String service = serviceToken();
        ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200);

        // the sender reports Ann, Ben and Cat reached, Ann twice (a chunk repeated after a restart)
        String reached = "{\"invitationIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(idOf(guests, 0), idOf(guests, 1),
                idOf(guests, 2));
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/delivered", service, reached), 200)
                .get("marked").asInt()).isEqualTo(3);
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/delivered", service,
                "{\"invitationIds\":[\"" + idOf(guests, 0) + "\"]}"), 200).get("marked").asInt()).isZero();
        assertThat(api.post("/api/v1/internal/campaigns/" + id + "/delivered", organizer, reached).status())
                .isEqualTo(403);

        // Ann's mail client shows the mail twice (one open); Eve is not a recipient (nothing counted)
        Api.Response pixel = api.get("/i/" + token(guests, 0) + "/c/" + id + "/open.gif", null);
        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        api.get("/i/" + token(guests, 0) + "/c/" + id + "/open.gif", null);
        assertThat(api.get("/i/" + outsider + "/c/" + id + "/open.gif", null).status()).isEqualTo(200);
        assertThat(api.get("/i/not-a-token/c/" + id + "/open.gif", null).status()).isEqualTo(200);
        // Ben follows the link (his client blocked the images: the click counts as an open too) and answers
        Api.Response click = api.get("/i/" + token(guests, 1) + "/c/" + id + "?via=email", null);
        assertThat(click.status()).isEqualTo(303);
        assertThat(click.raw().headers().firstValue("Location").orElseThrow())
                .isEqualTo("/i/" + token(guests, 1) + "?via=email&campaign=" + id);
        api.get("/i/" + token(guests, 1) + "?via=email&campaign=" + id, null);
        answer(guests.get(1), "YES");
        // Eve's link with this campaign in it is no click of it
        assertThat(api.get("/i/" + outsider + "/c/" + id + "?via=email", null).raw().headers()
                .firstValue("Location").orElseThrow()).isEqualTo("/i/" + outsider + "?via=email");
        // Cat unsubscribes
        api.postForm("/i/" + token(guests, 2) + "/marketing/stop", "List-Unsubscribe=One-Click");

        JsonNode results = ok(api.get("/api/v1/campaigns/" + id + "/results", organizer), 200);
        assertThat(results.toString()).isEqualTo(
                "{\"audience\":4,\"sent\":3,\"opened\":2,\"clicked\":1,\"answered\":1,\"unsubscribed\":1,\"bounced\":0,"
                        + "\"variants\":[]}");
        assertThat(api.get("/api/v1/campaigns/" + id + "/results", api.newOrganizerToken()).status()).isEqualTo(404);

        try (ActivityReader reader = new ActivityReader(TOPIC)) {
            var mine = reader.readUntil(all -> all.stream().anyMatch(m -> clickOf(m, idOf(guests, 1), id))
                            && all.stream().anyMatch(m -> shownOf(m, idOf(guests, 0))), Duration.ofSeconds(20));
            assertThat(mine.stream().filter(m -> shownOf(m, idOf(guests, 0)))).singleElement()
                    .satisfies(m -> assertThat(m.activity().payload().get("campaignId").asText()).isEqualTo(id));
        }
    }

    @Test
    void anAbTestSendsBothVersionsToATestShareThenTheWinnerToEverybodyElse() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gala = api.newEvent(organizer, "Gala");
        String[] people = new String[10];
        for (int i = 0; i < people.length; i++) {
            people[i] = "Guest" + i + ":g" + i + "-" + tag;
        }
        JsonNode guests = invite(gala, people);
        String draft = """
                {"name":"Which subject?","segment":{"eventIds":["%s"]},"subject":"A: come","message":"{link}",
                 "channels":["EMAIL"],"abTest":{"subjectB":"B: do come","messageB":"Please: {link}",
                 "testPercent":%d,"winnerBy":"CLICKED","decideAfter":"PT1H"}}""";
        Api.Response tooBig = api.post("/api/v1/campaigns", organizer, draft.formatted(gala, 60));
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().get("field").asText()).isEqualTo("abTest.testPercent");
        JsonNode campaign = ok(api.post("/api/v1/campaigns", organizer, draft.formatted(gala, 40)), 201);
        assertThat(campaign.get("abTest").get("decideAfter").asText()).isEqualTo("PT1H");
        String id = campaign.get("id").asText();
        ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, "{}"), 200);

        // 40 % of ten people are in the test, two per version; the other six wait for the winner
        String service = serviceToken();
        JsonNode test = ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200).get("items");
        assertThat(test).extracting(r -> r.get("variant").asText()).containsExactlyInAnyOrder("A", "A", "B", "B");
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id, service), 200).get("subjectB").asText())
                .isEqualTo("B: do come");
        List<String> reached = new ArrayList<>();
        test.forEach(r -> reached.add("\"" + r.get("invitationId").asText() + "\""));
        ok(api.post("/api/v1/internal/campaigns/" + id + "/delivered", service,
                "{\"invitationIds\":" + reached + "}"), 200);
        // one person of version B follows its link
        String clicker = java.util.stream.StreamSupport.stream(test.spliterator(), false)
                .filter(r -> r.get("variant").asText().equals("B")).findFirst().orElseThrow()
                .get("invitationId").asText();
        String clickerToken = java.util.stream.StreamSupport.stream(guests.spliterator(), false)
                .filter(g -> g.get("id").asText().equals(clicker)).findFirst().orElseThrow().get("token").asText();
        assertThat(api.get("/i/" + clickerToken + "/c/" + id + "?via=email", null).status()).isEqualTo(303);

        // the test's run completes: the campaign waits for its winner, nothing is due meanwhile
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", service, ""), 200)
                .get("marked").asBoolean()).isTrue();
        JsonNode testing = ok(api.get("/api/v1/campaigns/" + id, organizer), 200);
        assertThat(testing.get("status").asText()).isEqualTo("TESTING");
        Instant decideAt = Instant.parse(testing.get("decideAt").asText());
        assertThat(decideAt).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(ids(ok(api.get("/api/v1/internal/due-campaigns?at=" + decideAt.plusSeconds(60), service), 200)))
                .doesNotContain(id);
        JsonNode results = ok(api.get("/api/v1/campaigns/" + id + "/results", organizer), 200);
        assertThat(results.get("audience").asLong()).isEqualTo(10);
        assertThat(results.get("variants").toString()).isEqualTo("[" +
                "{\"variant\":\"A\",\"audience\":2,\"sent\":2,\"opened\":0,\"clicked\":0,\"answered\":0,\"unsubscribed\":0,\"bounced\":0},"
                + "{\"variant\":\"B\",\"audience\":2,\"sent\":2,\"opened\":1,\"clicked\":1,\"answered\":0,\"unsubscribed\":0,\"bounced\":0}]");

        // not before its time; then once, whichever core instance gets there
        assertThat(winners.decideDue(Instant.now())).isZero();
        assertThat(winners.decideDue(decideAt.plusSeconds(1))).isEqualTo(1);
        assertThat(winners.decideDue(decideAt.plusSeconds(2))).isZero();
        JsonNode decided = ok(api.get("/api/v1/campaigns/" + id, organizer), 200);
        assertThat(decided.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(decided.get("winner").asText()).isEqualTo("B");
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id, service), 200).get("round").asInt()).isEqualTo(1);
        assertThat(ids(ok(api.get("/api/v1/internal/due-campaigns?at=" + decideAt.plusSeconds(60), service), 200)))
                .contains(id);
        // everybody else now, with B; the test's people, reached already, are not paged again
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200).get("items"))
                .extracting(r -> r.get("variant").asText()).containsExactly("B", "B", "B", "B", "B", "B");
        // the versions are still compared on the test share alone
        assertThat(ok(api.get("/api/v1/campaigns/" + id + "/results", organizer), 200).get("variants").toString())
                .isEqualTo(results.get("variants").toString());
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=1", service, ""), 200)
                .get("marked").asBoolean()).isTrue();
        assertThat(ok(api.get("/api/v1/campaigns/" + id, organizer), 200).get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void aCampaignInTheGuestsOwnTimeReachesEachWhenTheirClockShowsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String party = api.newEvent(organizer, "Everywhere party");
        JsonNode guests = invite(party, "Kai:kai-" + tag, "Ned:ned-" + tag);
        ok(api.post("/i/" + token(guests, 0) + "/time-zone", null, "{\"timeZone\":\"Asia/Tokyo\"}"), 204);
        ok(api.post("/i/" + token(guests, 1) + "/time-zone", null, "{\"timeZone\":\"America/New_York\"}"), 204);
        String draft = """
                {"name":"Good morning","segment":{"eventIds":["%s"]},"subject":"Hi","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(party);
        String service = serviceToken();

        // half an hour ago in Tokyo; in New York that time is still about thirteen hours away
        java.time.LocalDateTime tokyoJustNow = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))
                .minusMinutes(30).withSecond(0).withNano(0);
        String id = ok(api.post("/api/v1/campaigns", organizer, draft), 201).get("id").asText();
        JsonNode scheduled = ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer,
                "{\"localTime\":\"" + tokyoJustNow + "\"}"), 200);
        assertThat(java.time.LocalDateTime.parse(scheduled.get("localTime").asText())).isEqualTo(tokyoJustNow);
        // due from when the first time zone on Earth (UTC+14) reached it
        assertThat(Instant.parse(scheduled.get("sendAt").asText()))
                .isEqualTo(tokyoJustNow.toInstant(java.time.ZoneOffset.ofHours(14)));
        JsonNode due = ok(api.get("/api/v1/internal/due-campaigns?at=" + Instant.now(), service), 200);
        JsonNode mine = java.util.stream.StreamSupport.stream(due.spliterator(), false)
                .filter(c -> c.get("id").asText().equals(id)).findFirst().orElseThrow();
        long quarters = java.time.Duration.between(tokyoJustNow.toInstant(java.time.ZoneOffset.ofHours(14)),
                Instant.now()).toMinutes() / 15;
        assertThat(mine.get("wave").asLong()).isBetween(quarters - 1, quarters + 1);
        String wave = "wave=" + mine.get("wave").asText();
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients?" + wave, service), 200)
                .get("items")).extracting(r -> r.get("guestName").asText()).containsExactly("Kai");
        // the run ends with Ned's time still to come: not sent yet, a later quarter's run reaches him
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0&" + wave, service, ""), 200)
                .get("marked").asBoolean()).isFalse();
        assertThat(ok(api.get("/api/v1/campaigns/" + id, organizer), 200).get("status").asText())
                .isEqualTo("SCHEDULED");

        // a minute before that time reaches the last zone (UTC-12): everyone here is past it, so one run is all
        java.time.LocalDateTime lastZoneSoon = java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(-12))
                .plusMinutes(1).withSecond(0).withNano(0);
        String late = ok(api.post("/api/v1/campaigns", organizer, draft), 201).get("id").asText();
        ok(api.post("/api/v1/campaigns/" + late + "/schedule", organizer, "{\"localTime\":\"" + lastZoneSoon
                + "\"}"), 200);
        String lateWave = "wave=" + java.util.stream.StreamSupport.stream(ok(api.get(
                        "/api/v1/internal/due-campaigns?at=" + Instant.now(), service), 200).spliterator(), false)
                .filter(c -> c.get("id").asText().equals(late)).findFirst().orElseThrow().get("wave").asText();
        assertThat(ok(api.get("/api/v1/internal/campaigns/" + late + "/recipients?" + lateWave, service), 200)
                .get("items")).extracting(r -> r.get("guestName").asText()).containsExactlyInAnyOrder("Kai", "Ned");
        assertThat(ok(api.post("/api/v1/internal/campaigns/" + late + "/sent?round=0&" + lateWave, service, ""),
                200).get("marked").asBoolean()).isTrue();

        // a time gone everywhere is refused
        String past = ok(api.post("/api/v1/campaigns", organizer, draft), 201).get("id").asText();
        Api.Response gone = api.post("/api/v1/campaigns/" + past + "/schedule", organizer, "{\"localTime\":\""
                + lastZoneSoon.minusHours(2) + "\"}");
        assertThat(gone.status()).isEqualTo(422);
        assertThat(gone.json().get("field").asText()).isEqualTo("localTime");
    }

    private static boolean clickOf(ActivityReader.Message m, String invitationId, String campaignId) {
        return m.activity().type() == ActivityType.INVITATION_OPENED
                && m.activity().aggregateId().toString().equals(invitationId)
                && campaignId.equals(m.activity().payload().path("campaignId").asText(null));
    }

    private static boolean shownOf(ActivityReader.Message m, String invitationId) {
        return m.activity().type() == ActivityType.MESSAGE_OPENED
                && m.activity().aggregateId().toString().equals(invitationId);
    }

    private static String idOf(JsonNode guests, int i) {
        return guests.get(i).get("id").asText();
    }

    @Test
    void aRepeatingAbTestKeepsItsSeriesTimeWhenItsWinnerGoesOutLater() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gala = api.newEvent(organizer, "Gala");
        invite(gala, "Ann:ann-" + tag, "Ben:ben-" + tag);
        String id = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Weekly test","segment":{"eventIds":["%s"]},"subject":"A","message":"{link}",
                 "channels":["EMAIL"],"abTest":{"subjectB":"B","messageB":"{link}","testPercent":50,
                 "winnerBy":"OPENED","decideAfter":"PT4H"}}""".formatted(gala)), 201).get("id").asText();
        // Mondays 9:00 in Berlin
        ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, """
                {"sendAt":"2027-05-24T07:00:00Z","repeat":{"every":"WEEK","until":"2027-06-20",
                 "timeZone":"Europe/Berlin"}}"""), 200);
        String service = serviceToken();
        ok(api.get("/api/v1/internal/campaigns/" + id + "/recipients", service), 200);
        ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", service, ""), 200); // the test share
        Instant decideAt = Instant.parse(ok(api.get("/api/v1/campaigns/" + id, organizer), 200).get("decideAt")
                .asText());
        assertThat(winners.decideDue(decideAt.plusSeconds(1))).isEqualTo(1); // the winner goes out 4 h later
        ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=1", service, ""), 200);

        JsonNode next = java.util.stream.StreamSupport.stream(ok(api.get("/api/v1/campaigns", organizer), 200)
                .spliterator(), false).filter(c -> c.get("occurrence").asInt() == 2).findFirst().orElseThrow();
        assertThat(next.get("sendAt").asText()).isEqualTo("2027-05-31T07:00:00Z"); // Monday 9:00 again
        assertThat(next.get("status").asText()).isEqualTo("SCHEDULED");
    }

    private static String token(JsonNode guests, int i) {
        return guests.get(i).get("token").asText();
    }

    private JsonNode invite(String eventId, String... nameAndEmailUser) {
        StringBuilder guests = new StringBuilder();
        for (String guest : nameAndEmailUser) {
            String[] parts = guest.split(":", -1);
            guests.append(guests.isEmpty() ? "" : ",").append("{\"name\":\"").append(parts[0]).append("\"")
                    .append(parts[1].isEmpty() ? "" : ",\"email\":\"" + parts[1] + "@example.org\"").append("}");
        }
        return ok(api.post("/api/v1/events/" + eventId + "/invitations", organizer, "{\"guests\":[" + guests + "]}"),
                201).get("invitations");
    }

    private void answer(JsonNode invitation, String response) {
        ok(api.post("/api/v1/invitations/" + invitation.get("token").asText() + "/rsvp", null,
                "{\"response\":\"" + response + "\"}"), 200);
    }

    private long count(String body) {
        return ok(api.post("/api/v1/campaigns/audience-count", organizer, body), 200).get("people").asLong();
    }

    private static List<String> ids(JsonNode campaigns) {
        List<String> ids = new ArrayList<>();
        campaigns.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

}
