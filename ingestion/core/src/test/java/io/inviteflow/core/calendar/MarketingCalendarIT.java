package io.inviteflow.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.OrganizerApiTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketing calendar, and the repeating campaigns on it: a weekly campaign's next occurrence is scheduled when
 * one was sent, at the same wall-clock time across a daylight-saving change, never twice, and not past its last day;
 * cancelling an occurrence ends the series.
 */
class MarketingCalendarIT extends OrganizerApiTest {

    @Test
    void aWeeklyCampaignGoesOnAtTheSameLocalTimeUntilItsLastDayAndTheCalendarShowsWhatComes() {
        String gala = api.newEvent(organizer, "Summer gala"); // starts 2027-06-12T16:00Z
        ok(api.put("/api/v1/events/" + gala + "/reminder-rules", organizer, """
                [{"kind":"BEFORE_EVENT","offset":"P1D","channels":["EMAIL"]},
                 {"kind":"MAYBE_BEFORE_DEADLINE","offset":"PT2H","channels":["PUSH"]},
                 {"kind":"UNOPENED","offset":"P3D","channels":["EMAIL"]}]"""), 200);
        ok(api.post("/api/v1/events/" + gala + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ann\",\"email\":\"ann-cal@example.org\"}]}"), 201);
        String id = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Weekly news","segment":{"eventIds":["%s"]},"subject":"News","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(gala)), 201).get("id").asText();

        Api.Response badRepeat = api.post("/api/v1/campaigns/" + id + "/schedule", organizer, """
                {"sendAt":"2027-05-24T07:00:00Z","repeat":{"every":"FORTNIGHT","until":"2027-06-20",
                 "timeZone":"Europe/Berlin"}}""");
        assertThat(badRepeat.status()).isEqualTo(422);
        assertThat(badRepeat.json().get("field").asText()).isEqualTo("repeat.every");
        Api.Response noSuchZone = api.post("/api/v1/campaigns/" + id + "/schedule", organizer, """
                {"sendAt":"2027-05-24T07:00:00Z","repeat":{"every":"WEEK","until":"2027-06-20","timeZone":"Mars/Olympus"}}""");
        assertThat(noSuchZone.json().get("field").asText()).isEqualTo("repeat.timeZone");

        // Mondays at 9:00 in Berlin from 24 May (CEST) until 20 June: 24 May, 31 May, 7, 14 June
        JsonNode first = ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, """
                {"sendAt":"2027-05-24T07:00:00Z","repeat":{"every":"WEEK","until":"2027-06-20",
                 "timeZone":"Europe/Berlin"}}"""), 200);
        assertThat(first.at("/repeat/every").asText()).isEqualTo("WEEK");
        assertThat(first.get("occurrence").asInt()).isEqualTo(1);

        JsonNode may = calendar("2027-05-20T00:00:00Z", "2027-06-20T00:00:00Z");
        assertThat(lines(may)).containsExactly(
                "2027-05-24T07:00:00Z CAMPAIGN Weekly news SCHEDULED",
                "2027-05-31T07:00:00Z CAMPAIGN Weekly news PLANNED",
                "2027-06-07T07:00:00Z CAMPAIGN Weekly news PLANNED",
                "2027-06-11T16:00:00Z REMINDER Summer gala: 1 day before null",
                "2027-06-12T14:00:00Z REMINDER Summer gala: 2 hours before null",
                "2027-06-12T16:00:00Z EVENT Summer gala SCHEDULED",
                "2027-06-14T07:00:00Z CAMPAIGN Weekly news PLANNED");

        // sent (twice: a retry after a crash makes no second next occurrence)
        String service = serviceToken();
        ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", service, ""), 200);
        ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", service, ""), 200);
        List<JsonNode> series = series(id);
        assertThat(series).hasSize(2);
        JsonNode second = series.get(1);
        assertThat(second.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(second.get("occurrence").asInt()).isEqualTo(2);
        assertThat(second.get("sendAt").asText()).isEqualTo("2027-05-31T07:00:00Z");
        assertThat(second.get("subject").asText()).isEqualTo("News");
        assertThat(lines(calendar("2027-05-20T00:00:00Z", "2027-06-01T00:00:00Z"))).containsExactly(
                "2027-05-24T07:00:00Z CAMPAIGN Weekly news SENT",
                "2027-05-31T07:00:00Z CAMPAIGN Weekly news SCHEDULED");

        // the last one (14 June) has no next: 21 June is past the last day
        String secondId = second.get("id").asText();
        ok(api.post("/api/v1/internal/campaigns/" + secondId + "/sent?round=0", service, ""), 200);
        String thirdId = series(id).get(2).get("id").asText();
        ok(api.post("/api/v1/internal/campaigns/" + thirdId + "/sent?round=0", service, ""), 200);
        JsonNode fourth = series(id).get(3);
        assertThat(fourth.get("sendAt").asText()).isEqualTo("2027-06-14T07:00:00Z");
        ok(api.post("/api/v1/internal/campaigns/" + fourth.get("id").asText() + "/sent?round=0", service, ""), 200);
        assertThat(series(id)).hasSize(4);
    }

    @Test
    void anOccurrenceKeepsItsLocalTimeAcrossDaylightSavingAndCancellingItEndsTheSeries() {
        String gala = api.newEvent(organizer, "Spring gala");
        ok(api.put("/api/v1/events/" + gala + "/reminder-rules", organizer, "[]"), 200); // campaigns alone here
        String id = ok(api.post("/api/v1/campaigns", organizer, """
                {"name":"Spring news","segment":{"eventIds":["%s"]},"subject":"News","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(gala)), 201).get("id").asText();
        // 9:00 in Berlin on Monday 22 March 2027 (CET, UTC+1); clocks go forward on 28 March
        ok(api.post("/api/v1/campaigns/" + id + "/schedule", organizer, """
                {"sendAt":"2027-03-22T08:00:00Z","repeat":{"every":"WEEK","until":"2027-05-01",
                 "timeZone":"Europe/Berlin"}}"""), 200);
        ok(api.post("/api/v1/internal/campaigns/" + id + "/sent?round=0", serviceToken(), ""), 200);
        JsonNode second = series(id).get(1);
        assertThat(second.get("sendAt").asText()).isEqualTo("2027-03-29T07:00:00Z"); // 9:00 CEST

        ok(api.post("/api/v1/campaigns/" + second.get("id").asText() + "/cancel", organizer, ""), 200);
        assertThat(lines(calendar("2027-03-20T00:00:00Z", "2027-05-01T00:00:00Z"))).containsExactly(
                "2027-03-22T08:00:00Z CAMPAIGN Spring news SENT",
                "2027-03-29T07:00:00Z CAMPAIGN Spring news CANCELLED");
    }

    @Test
    void theCalendarIsTheOrganizersOwnAndAskedForAtMostAQuarter() {
        api.newEvent(organizer, "Private party");
        String stranger = api.newOrganizerToken();
        assertThat(ok(api.get("/api/v1/calendar?from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z", stranger), 200))
                .isEmpty();
        Api.Response tooLong = api.get("/api/v1/calendar?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z",
                organizer);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/calendar?from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z", null).status())
                .isEqualTo(401);
    }

    private JsonNode calendar(String from, String to) {
        return ok(api.get("/api/v1/calendar?from=" + from + "&to=" + to, organizer), 200);
    }

    /** at, kind, title and status of each entry, of this test's own campaigns and events. */
    private static List<String> lines(JsonNode entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.add(e.get("at").asText() + " " + e.get("kind").asText() + " "
                + e.get("title").asText() + " " + e.get("status").asText()));
        return lines;
    }

    /** The series of a first occurrence, in order. */
    private List<JsonNode> series(String firstId) {
        List<JsonNode> series = new ArrayList<>();
        ok(api.get("/api/v1/campaigns", organizer), 200).forEach(c -> {
            if (firstId.equals(c.path("seriesId").asText())) {
                series.add(c);
            }
        });
        series.sort(java.util.Comparator.comparingInt(c -> c.get("occurrence").asInt()));
        return series;
    }
}
