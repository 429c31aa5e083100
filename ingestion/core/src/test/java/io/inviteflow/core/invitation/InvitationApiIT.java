package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.testsupport.ActivityReader;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String organizer;
    String eventId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.newEvent(organizer, "Summer party");
    }

    @Test
    void anAnswerSaysWhetherItCanBeConfirmedByMail() {
        String phoneOnly = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Carl\",\"phone\":\"+49 30 7654321\"}]}").json()
                .at("/invitations/0/token").asText();
        api.post("/api/v1/invitations/" + phoneOnly + "/rsvp", null, "{\"response\":\"NO\"}");
        try (var reader = new ActivityReader(TOPIC)) {
            var answers = reader.readUntil(all -> ofEvent(all).stream()
                            .anyMatch(m -> m.activity().type() == ActivityType.RSVP_ANSWERED), Duration.ofSeconds(30))
                    .stream().filter(m -> m.key().equals(eventId)
                            && m.activity().type() == ActivityType.RSVP_ANSWERED).toList();
            assertThat(answers).singleElement().satisfies(m -> assertThat(new ActivityCodec()
                    .payloadAs(m.activity(), Payloads.RsvpAnswered.class).mailable())
                    .as("only a phone: nothing to confirm by mail").isFalse());
        }
    }

    @Test
    void invitesOpensAnswersAndEmitsEveryActivityInOrder() {
        JsonNode invited = api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"Ada","email":"ada@example.org"},{"name":"<b>Bob</b>","phone":"+49 30 1234567"}],
                 "message":"Bring your dancing shoes"}""").json();
        String ada = invited.at("/invitations/0/token").asText();
        String bob = invited.at("/invitations/1/token").asText();

        var page = api.getAs("/i/" + bob, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile");
        api.exchange("/i/" + bob, r -> r.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")
                .header("CF-IPCountry", "de").GET());
        var yes = api.post("/api/v1/invitations/" + ada + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":2}");
        var changed = api.post("/api/v1/invitations/" + ada + "/rsvp", null, "{\"response\":\"MAYBE\"}");

        assertThat(invited.at("/invitations/0/link").asText()).contains("/i/" + ada + "#k=");
        assertThat(ada).matches("[A-Za-z0-9_-]{22}");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Summer party").contains("&lt;b&gt;Bob&lt;/b&gt;").doesNotContain("<b>Bob");
        assertThat(yes.json().get("answerVersion").asLong()).isEqualTo(1);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("response").asText()).isEqualTo("MAYBE");
        assertThat(changed.json().get("answerVersion").asLong()).isEqualTo(2);

        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> mine = reader.readUntil(all -> ofEvent(all).size() >= 6, Duration.ofSeconds(30))
                    .stream().filter(m -> m.key().equals(eventId)).toList();
            var codec = new ActivityCodec();

            assertThat(mine).extracting(m -> m.activity().type()).containsExactly(
                    ActivityType.INVITATION_CREATED, ActivityType.INVITATION_CREATED,
                    ActivityType.INVITATION_OPENED, ActivityType.INVITATION_OPENED,
                    ActivityType.RSVP_ANSWERED, ActivityType.RSVP_ANSWERED);
            assertThat(mine.stream().map(m -> m.activity().eventId()).collect(Collectors.toSet())).hasSize(6);
            // the event took its template's first theme
            assertThat(codec.payloadAs(mine.get(0).activity(), Payloads.InvitationCreated.class))
                    .extracting(Payloads.InvitationCreated::theme, Payloads.InvitationCreated::template)
                    .containsExactly("birthday-confetti", "birthday");
            assertThat(codec.payloadAs(mine.get(2).activity(), Payloads.InvitationOpened.class))
                    .extracting(Payloads.InvitationOpened::client, Payloads.InvitationOpened::country)
                    .containsExactly("mobile", null); // the proxy named no country
            assertThat(codec.payloadAs(mine.get(3).activity(), Payloads.InvitationOpened.class).country())
                    .isEqualTo("DE");
            assertThat(codec.payloadAs(mine.get(5).activity(), Payloads.RsvpAnswered.class))
                    .isEqualTo(new Payloads.RsvpAnswered(Payloads.Rsvp.MAYBE, 0, 2, true, List.of())); // Ada has an email
        }
    }

    @Test
    void theGuestPageFormAnswersToo() {
        String token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Carol\"}]}").json().at("/invitations/0/token").asText();

        var posted = api.postForm("/i/" + token, "response=YES&plusOnes=1&note=vegetarian");
        var page = api.getAs("/i/" + token, "test");

        assertThat(posted.status()).isEqualTo(303);
        assertThat(page.body()).contains("Your answer: <strong>Yes</strong> with 1 guest").contains("vegetarian");
    }

    @Test
    void refusesBadAnswersWithoutChangingAnything() {
        String token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Dan\"}]}").json().at("/invitations/0/token").asText();

        var unknownEnum = api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"PERHAPS\"}");
        var wrongType = api.post("/api/v1/invitations/" + token + "/rsvp", null,
                "{\"response\":\"YES\",\"plusOnes\":\"two\"}");
        var missing = api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"plusOnes\":1}");
        var tooMany = api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":99}");
        var noWithGuests = api.post("/api/v1/invitations/" + token + "/rsvp", null,
                "{\"response\":\"NO\",\"plusOnes\":3}");
        var forged = api.post("/api/v1/invitations/AAAAAAAAAAAAAAAAAAAAAA/rsvp", null, "{\"response\":\"YES\"}");
        var garbage = api.post("/api/v1/invitations/'%20OR%201=1--/rsvp", null, "{\"response\":\"YES\"}");
        var unknownPage = api.getAs("/i/AAAAAAAAAAAAAAAAAAAAAA", "test");
        var nulInNote = api.post("/api/v1/invitations/" + token + "/rsvp", null,
                "{\"response\":\"YES\",\"note\":\"x\\u0000y\"}");

        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.json().get("field").asText()).isEqualTo("response");
        assertThat(unknownEnum.json().get("detail").asText()).contains("YES, NO, MAYBE");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("plusOnes");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("response");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(noWithGuests.status()).isEqualTo(422);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(unknownPage.status()).isEqualTo(404);
        assertThat(nulInNote.status()).isEqualTo(400);
        assertThat(nulInNote.json().get("field").asText()).isEqualTo("note");
        assertThat(api.getAs("/i/" + token, "test").body()).doesNotContain("Your answer");
    }

    @Test
    void acceptsFiveThousandGuestsAndNotOneMore() {
        String guests = IntStream.range(0, 5000).mapToObj(i -> "{\"name\":\"Guest " + i + "\"}")
                .collect(Collectors.joining(","));

        var five = api.post("/api/v1/events/" + eventId + "/invitations", organizer, "{\"guests\":[" + guests + "]}");
        var tooMany = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[" + guests + ",{\"name\":\"One too many\"}]}");
        var badGuest = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ok\"},{\"name\":\"Bad\",\"email\":\"nope\"}]}");

        assertThat(five.status()).isEqualTo(201);
        Set<String> tokens = stream(five.json().get("invitations")).map(i -> i.get("token").asText())
                .collect(Collectors.toSet());
        assertThat(tokens).hasSize(5000);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("guests");
        assertThat(badGuest.status()).isEqualTo(400);
        assertThat(badGuest.json().get("field").asText()).isEqualTo("guests[1].email");
    }

    private List<ActivityReader.Message> ofEvent(List<ActivityReader.Message> all) {
        return all.stream().filter(m -> m.key().equals(eventId)).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
