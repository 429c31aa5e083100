package io.inviteflow.core.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.OrganizerApiTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's reminder schedule: from its template, changed by its organizer only, and who is due when. */
class ReminderRulesIT extends OrganizerApiTest {

    @Test
    void aNewEventStartsWithItsTemplatesRemindersAndOnlyItsOrganizerChangesThemWithin() {
        String eventId = api.newEvent(organizer, "Birthday"); // template "birthday": 7 days, 1 day, 3 days unopened
        String path = "/api/v1/events/" + eventId + "/reminder-rules";
        JsonNode defaults = ok(api.get(path, organizer), 200);
        assertThat(defaults).extracting(r -> r.get("kind").asText() + " " + r.get("offset").asText())
                .containsExactly("BEFORE_EVENT PT168H", "BEFORE_EVENT PT24H", "UNOPENED PT72H");
        assertThat(defaults.get(0).get("channels").toString()).isEqualTo("[\"EMAIL\",\"PUSH\"]");

        JsonNode replaced = ok(api.put(path, organizer, """
                [{"kind":"before_event","offset":"PT2H","channels":["push"]},
                 {"kind":"MAYBE_BEFORE_DEADLINE","offset":"P2D","channels":["EMAIL"]}]"""), 200);
        assertThat(replaced).extracting(r -> r.get("kind").asText() + " " + r.get("offset").asText() + " "
                + r.get("channels")).containsExactly("BEFORE_EVENT PT2H [\"PUSH\"]",
                "MAYBE_BEFORE_DEADLINE PT48H [\"EMAIL\"]");

        // saved again unchanged, a reminder keeps its identity (what it already sent is not sent again)
        JsonNode again = ok(api.put(path, organizer, """
                [{"kind":"BEFORE_EVENT","offset":"PT2H","channels":["PUSH","EMAIL"]},
                 {"kind":"MAYBE_BEFORE_DEADLINE","offset":"P2D","channels":["EMAIL"]}]"""), 200);
        assertThat(again.get(0).get("id")).isEqualTo(replaced.get(0).get("id"));
        assertThat(again.get(1).get("id")).isEqualTo(replaced.get(1).get("id"));
        assertThat(again.get(0).get("channels").toString()).isEqualTo("[\"EMAIL\",\"PUSH\"]");

        assertRefused(api.put(path, organizer, "[{\"kind\":\"SOMETIME\",\"offset\":\"P1D\",\"channels\":[\"EMAIL\"]}]"),
                "rules[0].kind");
        assertRefused(api.put(path, organizer, "[{\"kind\":\"UNOPENED\",\"offset\":\"PT5M\",\"channels\":[\"EMAIL\"]}]"),
                "rules[0].offset");
        assertRefused(api.put(path, organizer, "[{\"kind\":\"UNOPENED\",\"offset\":\"soon\",\"channels\":[\"EMAIL\"]}]"),
                "rules[0].offset");
        assertRefused(api.put(path, organizer, "[{\"kind\":\"UNOPENED\",\"offset\":\"P1D\",\"channels\":[\"FAX\"]}]"),
                "rules[0].channels");
        assertRefused(api.put(path, organizer, """
                [{"kind":"UNOPENED","offset":"P1D","channels":["EMAIL"]},
                 {"kind":"UNOPENED","offset":"PT24H","channels":["PUSH"]}]"""), "rules[1]");
        assertThat(ok(api.get(path, organizer), 200)).hasSize(2); // a refused schedule changed nothing

        String stranger = api.newOrganizerToken();
        assertThat(api.get(path, stranger).status()).isEqualTo(404);
        assertThat(api.put(path, stranger, "[]").status()).isEqualTo(404);
        assertThat(api.get(path, null).status()).isEqualTo(401);
    }

    @Test
    void theCoreSaysWhoIsDueWhenAndForgetsThoseWhoAnsweredOrOpenedMeanwhile() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startsAt = now.plus(Duration.ofDays(2));
        String eventId = ok(api.post("/api/v1/events", organizer, """
                {"title":"Dinner","startsAt":"%s","timeZone":"Europe/Paris","rsvpDeadline":"%s"}"""
                .formatted(startsAt, now.plus(Duration.ofDays(1)))), 201).get("id").asText();
        ok(api.put("/api/v1/events/" + eventId + "/reminder-rules", organizer, """
                [{"kind":"BEFORE_EVENT","offset":"P1D","channels":["EMAIL"]},
                 {"kind":"UNOPENED","offset":"PT15M","channels":["EMAIL","PUSH"]},
                 {"kind":"MAYBE_BEFORE_DEADLINE","offset":"PT12H","channels":["EMAIL"]}]"""), 200);
        // "No mail" has neither an address nor a push subscription: nothing can reach them
        JsonNode invited = ok(api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"Yes","email":"yes@example.org"},{"name":"Maybe","email":"maybe@example.org"},
                 {"name":"Silent","email":"silent@example.org"},{"name":"No","email":"no@example.org"},
                 {"name":"No mail"}]}"""), 201).get("invitations");
        List<String> tokens = new ArrayList<>();
        invited.forEach(i -> tokens.add(i.get("token").asText()));
        answer(tokens.get(0), "YES");
        answer(tokens.get(1), "MAYBE");
        answer(tokens.get(3), "NO");
        assertThat(api.post("/i/" + tokens.get(2) + "/time-zone", null, "{\"timeZone\":\"Mars/Olympus\"}").status())
                .isEqualTo(422);
        assertThat(api.post("/i/" + tokens.get(2) + "/time-zone", null, "{\"timeZone\":\"America/Chicago\"}")
                .status()).isEqualTo(204);

        // one day and an hour ahead: the day-before reminder (Yes, Maybe), the unopened one (Silent), Maybe's nudge
        JsonNode due = due(now, now.plus(Duration.ofHours(25)));
        assertThat(due).extracting(d -> d.get("guestName").asText() + " " + d.get("kind").asText())
                .containsExactlyInAnyOrder("Yes BEFORE_EVENT", "Maybe BEFORE_EVENT", "Silent UNOPENED",
                        "Maybe MAYBE_BEFORE_DEADLINE");
        JsonNode silent = find(due, "Silent");
        assertThat(silent.get("guestTimeZone").asText()).isEqualTo("America/Chicago");
        assertThat(silent.get("channels").toString()).isEqualTo("[\"EMAIL\",\"PUSH\"]");
        assertThat(Instant.parse(find(due, "Yes").get("dueAt").asText())).isEqualTo(startsAt.minus(Duration.ofDays(1)));
        assertThat(silent.get("link").asText()).endsWith("/i/" + tokens.get(2));

        // Silent opens the invitation from a reminder mail: no more "have you seen it?", and the mail gets the credit
        api.get("/i/" + tokens.get(2) + "?via=email", null);
        String silentId = invited.get(2).get("id").asText();
        try (ActivityReader reader = new ActivityReader(TOPIC)) {
            var opened = reader.readUntil(all -> all.stream().anyMatch(m -> openOf(m, silentId)),
                    Duration.ofSeconds(20)).stream().filter(m -> openOf(m, silentId)).toList();
            assertThat(opened).singleElement().satisfies(m -> assertThat(m.activity().payload().get("via").asText())
                    .isEqualTo("email"));
        }
        assertThat(due(now, now.plus(Duration.ofHours(25)))).extracting(d -> d.get("guestName").asText())
                .doesNotContain("Silent");
        assertThat(due(now, now.plus(Duration.ofHours(1)))).extracting(d -> d.get("kind").asText())
                .doesNotContain("BEFORE_EVENT"); // not yet: a day before is still a day away

        // Yes stops this event's reminders: a GET (a link scanner) only asks, the mail client's one-click POST stops
        String stop = "/i/" + tokens.get(0) + "/reminders/stop";
        assertThat(api.get(stop, null).body()).contains("Stop the reminders of Dinner?").contains("<form method=\"post\"");
        assertThat(due(now, now.plus(Duration.ofHours(25)))).extracting(d -> d.get("guestName").asText())
                .contains("Yes");
        Api.Response stopped = api.postForm(stop, "List-Unsubscribe=One-Click");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).contains("You will get no more reminders of Dinner.");
        assertThat(api.postForm(stop, "List-Unsubscribe=One-Click").status()).isEqualTo(200);
        assertThat(due(now, now.plus(Duration.ofHours(25)))).extracting(d -> d.get("guestName").asText())
                .doesNotContain("Yes").contains("Maybe");

        assertThat(api.get("/api/v1/internal/due-reminders?from=" + now + "&to=" + now.plus(Duration.ofDays(8)),
                serviceToken()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/internal/due-reminders?from=" + now + "&to=" + now.plus(Duration.ofDays(1)),
                organizer).status()).isEqualTo(403);
    }

    private static boolean openOf(ActivityReader.Message message, String invitationId) {
        return message.activity().type() == io.inviteflow.contract.ActivityType.INVITATION_OPENED
                && message.activity().aggregateId().toString().equals(invitationId);
    }

    private JsonNode due(Instant from, Instant to) {
        JsonNode page = ok(api.get("/api/v1/internal/due-reminders?from=" + from + "&to=" + to,
                serviceToken()), 200);
        List<JsonNode> mine = new ArrayList<>();
        page.get("items").forEach(d -> {
            if (d.get("eventTitle").asText().equals("Dinner") && d.get("link").asText().contains("/i/")) {
                mine.add(d);
            }
        });
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(mine);
    }

    private static JsonNode find(JsonNode due, String name) {
        for (JsonNode d : due) {
            if (d.get("guestName").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("nobody named " + name);
    }

    private void answer(String token, String response) {
        ok(api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"" + response + "\"}"), 200);
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

}
