package io.inviteflow.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventLifecycleIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.newOrganizerToken();
    }

    @Test
    void anEventFromATemplateTakesItsDefaultsAndKeepsWhatTheOrganizerSays() {
        JsonNode wedding = api.post("/api/v1/events", token, """
                {"title":"Ada & Grace","startsAt":"2027-06-12T15:00:00+02:00","timeZone":"Europe/Berlin",
                 "template":"wedding","capacity":80}""").json();
        String id = wedding.get("id").asText();

        assertThat(wedding.get("theme").asText()).startsWith("wedding-");
        assertThat(wedding.get("endsAt").asText()).isEqualTo("2027-06-12T23:00:00+02:00"); // the template's 8 hours
        assertThat(wedding.get("allowMaybe").asBoolean()).isFalse();
        assertThat(wedding.get("maxPlusOnes").asInt()).isEqualTo(1);
        assertThat(wedding.get("capacity").asInt()).isEqualTo(80);
        JsonNode questions = api.get("/api/v1/events/" + id + "/questions", token).json();
        assertThat(questions.get(0).get("label").asText()).isEqualTo("Meal choice");
        assertThat(questions.get(0).get("perGuest").asBoolean()).isTrue();

        // the organizer changes everything the template chose
        var replaced = api.put("/api/v1/events/" + id + "/questions", token, """
                {"questions":[{"kind":"NUMBER","label":"Nights at the hotel","required":false,"perGuest":false,
                               "min":0,"max":3}]}""");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + id + "/questions", token).json()).hasSize(1);
        var patched = api.patch("/api/v1/events/" + id, token,
                "{\"allowMaybe\":true,\"maxPlusOnes\":3,\"theme\":\"party-disco\",\"clear\":[\"capacity\"]}");
        assertThat(patched.json().get("allowMaybe").asBoolean()).isTrue();
        assertThat(patched.json().get("theme").asText()).isEqualTo("party-disco");
        assertThat(patched.json().get("capacity").isNull()).isTrue();
    }

    @Test
    void rescheduleEditAndCancelEachTellTheGuestsOnce() {
        String id = api.newEvent(token, "Garden party");
        var rescheduled = api.patch("/api/v1/events/" + id, token, "{\"startsAt\":\"2027-06-13T18:00:00+02:00\"}");
        var retitled = api.patch("/api/v1/events/" + id, token,
                "{\"title\":\"Garden party (indoors)\",\"venue\":{\"name\":\"Town hall\",\"lat\":52.5,\"lon\":13.4}}");
        var unchanged = api.patch("/api/v1/events/" + id, token, "{\"maxPlusOnes\":2}");
        var cancelled = api.post("/api/v1/events/" + id + "/cancel", token, "{\"reason\":\"Storm warning\"}");
        var cancelledAgain = api.post("/api/v1/events/" + id + "/cancel", token, "{}");

        assertThat(rescheduled.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(rescheduled.json().get("endsAt").asText()).isEqualTo("2027-06-13T21:00:00+02:00");
        assertThat(retitled.json().get("sequence").asInt()).isEqualTo(2);
        assertThat(unchanged.json().get("sequence").asInt()).isEqualTo(2); // guests see no difference
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelledAgain.json().get("sequence").asInt()).isEqualTo(3);
        assertThat(api.patch("/api/v1/events/" + id, token, "{\"title\":\"Back on\"}").status()).isEqualTo(409);

        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> mine = reader.readUntil(all -> all.stream()
                    .filter(m -> m.key().equals(id)).count() >= 3, Duration.ofSeconds(30))
                    .stream().filter(m -> m.key().equals(id)).toList();
            var codec = new ActivityCodec();
            assertThat(mine).extracting(m -> m.activity().type()).containsExactly(ActivityType.EVENT_RESCHEDULED,
                    ActivityType.EVENT_UPDATED, ActivityType.EVENT_CANCELLED);
            assertThat(codec.payloadAs(mine.get(1).activity(), Payloads.EventUpdated.class).changed())
                    .containsExactly("title", "venue");
            assertThat(codec.payloadAs(mine.get(2).activity(), Payloads.EventCancelled.class))
                    .isEqualTo(new Payloads.EventCancelled("Storm warning", 3));
        }
    }

    @Test
    void onlineLinksAreRecognisedAndJitsiRoomsMade() {
        JsonNode zoom = api.post("/api/v1/events", token, online("\"onlineUrl\":\"https://us02web.zoom.us/j/85012345678?pwd=abc\"")).json();
        JsonNode meet = api.post("/api/v1/events", token, online("\"onlineUrl\":\"https://meet.google.com/abc-defg-hij\"")).json();
        JsonNode jitsi = api.post("/api/v1/events", token, online("\"onlinePlatform\":\"JITSI\"")).json();
        var badZoom = api.post("/api/v1/events", token, online("\"onlineUrl\":\"https://zoom.us/pricing\""));
        var badMeet = api.post("/api/v1/events", token, online("\"onlineUrl\":\"https://meet.google.com/lookup\""));
        var mismatch = api.post("/api/v1/events", token,
                online("\"onlineUrl\":\"https://meet.jit.si/OurRoom\",\"onlinePlatform\":\"ZOOM\""));
        var noScheme = api.post("/api/v1/events", token, online("\"onlineUrl\":\"javascript:alert(1)\""));

        assertThat(zoom.get("onlinePlatform").asText()).isEqualTo("ZOOM");
        assertThat(meet.get("onlinePlatform").asText()).isEqualTo("GOOGLE_MEET");
        assertThat(jitsi.get("onlineUrl").asText()).matches("https://meet\\.jit\\.si/Inviteflow-[A-Za-z0-9]{20}");
        for (Api.Response refused : List.of(badZoom, badMeet, mismatch, noScheme)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("field").asText()).startsWith("online");
        }
    }

    @Test
    void impossibleValuesAreRefusedNamingTheField() {
        assertField(api.post("/api/v1/events", token, event("\"endsAt\":\"2027-06-12T17:00:00+02:00\"")), 422, "endsAt");
        assertField(api.post("/api/v1/events", token, event("\"rsvpDeadline\":\"2027-07-01T00:00:00Z\"")), 422,
                "rsvpDeadline");
        assertField(api.post("/api/v1/events", token, event("\"capacity\":0")), 422, "capacity");
        assertField(api.post("/api/v1/events", token, event("\"maxPlusOnes\":21")), 422, "maxPlusOnes");
        assertField(api.post("/api/v1/events", token, event("\"venue\":{\"name\":\"X\",\"lat\":91,\"lon\":0}")), 400,
                "venue.lat");
        assertField(api.post("/api/v1/events", token, event("\"venue\":{\"name\":\"X\",\"lat\":50}")), 422,
                "venue.lon");
        assertField(api.post("/api/v1/events", token, event("\"recurrence\":\"FREQ=SOMETIMES\"")), 422, "recurrence");
        assertField(api.post("/api/v1/events", token, event("\"recurrence\":\"FREQ=DAILY\"")), 422, "recurrence");
        assertField(api.post("/api/v1/events", token, event("\"template\":\"no-such-template\"")), 422, "template");
        assertField(api.post("/api/v1/events", token, event("\"theme\":\"no-such-theme\"")), 422, "theme");
        assertField(api.post("/api/v1/events", token, event("\"questions\":[{\"kind\":\"CHOICE\",\"label\":\"Meal\","
                + "\"options\":[\"Fish\"],\"required\":true,\"perGuest\":false}]")), 422, "questions[0].options");
        assertThat(api.get("/api/v1/events", token).json()).isEmpty();

        String id = api.newEvent(token, "Mine");
        assertThat(api.patch("/api/v1/events/" + id, api.newOrganizerToken(), "{\"title\":\"Stolen\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/events/" + id + "/cancel", api.newOrganizerToken(), "{}").status())
                .isEqualTo(404);
    }

    @Test
    void aSeriesListsItsDatesInItsOwnTimeZoneAcrossDaylightSaving() {
        String id = api.post("/api/v1/events", token, """
                {"title":"Book club","startsAt":"2027-03-16T19:00:00+01:00","timeZone":"Europe/Berlin",
                 "recurrence":"RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3"}""").json().get("id").asText();

        JsonNode dates = api.get("/api/v1/events/" + id + "/occurrences", token).json();

        // Berlin moves to summer time on 28 March 2027: still 19:00 local
        assertThat(dates).extracting(JsonNode::asText).containsExactly("2027-03-16T19:00:00+01:00",
                "2027-03-23T19:00:00+01:00", "2027-03-30T19:00:00+02:00");
    }

    private static String online(String fields) {
        return event(fields);
    }

    private static String event(String fields) {
        return """
                {"title":"Checked","startsAt":"2027-06-12T18:00:00+02:00","timeZone":"Europe/Berlin",%s}"""
                .formatted(fields);
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }
}
