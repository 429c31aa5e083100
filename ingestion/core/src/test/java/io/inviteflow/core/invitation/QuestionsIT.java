package io.inviteflow.core.invitation;

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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionsIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String eventId;
    String token;
    String meal;
    String song;

    @BeforeEach
    void weddingWithItsQuestions() {
        api = new Api(port);
        String organizer = api.newOrganizerToken();
        eventId = api.post("/api/v1/events", organizer, """
                {"title":"Ada & Grace","startsAt":"2027-06-12T15:00:00+02:00","timeZone":"Europe/Berlin",
                 "template":"wedding"}""").json().get("id").asText();
        JsonNode questions = api.get("/api/v1/events/" + eventId + "/questions", organizer).json();
        meal = questions.get(0).get("id").asText();
        song = questions.get(2).get("id").asText();
        token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Alan\"}]}").json().at("/invitations/0/token").asText();
    }

    @Test
    void aYesAnswersTheRequiredQuestionForEveryoneItBrings() {
        var missingPlusOne = rsvp("YES", 1, "[{\"questionId\":\"%s\",\"guest\":0,\"value\":\"Fish\"}]".formatted(meal));
        var wrongOption = rsvp("YES", 0, "[{\"questionId\":\"%s\",\"guest\":0,\"value\":\"Lobster\"}]".formatted(meal));
        var songForPlusOne = rsvp("YES", 1, """
                [{"questionId":"%s","guest":0,"value":"Fish"},{"questionId":"%s","guest":1,"value":"Meat"},
                 {"questionId":"%s","guest":1,"value":"Waltz"}]""".formatted(meal, meal, song));
        var ok = rsvp("YES", 1, """
                [{"questionId":"%s","guest":0,"value":"Fish"},{"questionId":"%s","guest":1,"value":"Meat"},
                 {"questionId":"%s","guest":0,"value":"Moon River"}]""".formatted(meal, meal, song));
        var no = rsvp("NO", 0, "[]");

        assertThat(missingPlusOne.status()).isEqualTo(422);
        assertThat(missingPlusOne.json().get("detail").asText()).contains("Meal choice").contains("plus-one 1");
        assertThat(wrongOption.status()).isEqualTo(422);
        assertThat(wrongOption.json().get("field").asText()).isEqualTo("answers[0].value");
        assertThat(songForPlusOne.status()).isEqualTo(422);
        assertThat(songForPlusOne.json().get("field").asText()).isEqualTo("answers[2].guest");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("answers")).hasSize(3);
        assertThat(no.status()).isEqualTo(200); // a NO needs no meal
        assertThat(rsvp("MAYBE", 0, "[]").status()).isEqualTo(422); // weddings take YES or NO
        assertThat(rsvp("YES", 2, "[]").json().get("detail").asText()).contains("up to 1 guest");
    }

    @Test
    void theAnswerActivityCarriesTheChosenOptionsButNeverFreeText() {
        assertThat(rsvp("YES", 1, """
                [{"questionId":"%s","guest":0,"value":"Fish"},{"questionId":"%s","guest":1,"value":"Meat"},
                 {"questionId":"%s","guest":0,"value":"Moon River"}]""".formatted(meal, meal, song)).status())
                .isEqualTo(200);

        try (var reader = new ActivityReader(TOPIC)) {
            var answer = reader.readUntil(all -> all.stream().anyMatch(this::isTheAnswer), Duration.ofSeconds(30))
                    .stream().filter(this::isTheAnswer).findFirst().orElseThrow();
            assertThat(new ActivityCodec().payloadAs(answer.activity(), Payloads.RsvpAnswered.class).choices())
                    .containsExactly(new Payloads.QuestionChoice(UUID.fromString(meal), 0, "Fish"),
                            new Payloads.QuestionChoice(UUID.fromString(meal), 1, "Meat"));
        }
    }

    private boolean isTheAnswer(ActivityReader.Message m) {
        return m.key().equals(eventId) && m.activity().type() == ActivityType.RSVP_ANSWERED;
    }

    @Test
    void theGuestPageFormAsksTheQuestionsAndShowsWhatToFix() {
        String page = api.getAs("/i/" + token, "test").body();
        assertThat(page).contains("Meal choice").contains("name=\"q." + meal + ".0\"")
                .contains("name=\"q." + meal + ".1\"").doesNotContain("value=\"MAYBE\"");

        var missing = api.postForm("/i/" + token, "response=YES&plusOnes=0");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("role=\"alert\"").contains("&quot;Meal choice&quot; needs an answer");

        var answered = api.postForm("/i/" + token, "response=YES&plusOnes=0&q." + meal + ".0=Vegetarian&q." + song
                + ".0=" + URLEncoder.encode("Dancing Queen", StandardCharsets.UTF_8));
        assertThat(answered.status()).isEqualTo(303);
        assertThat(api.getAs("/i/" + token + "?answered", "test").body())
                .contains("<option selected>Vegetarian</option>").contains("value=\"Dancing Queen\"");
    }

    private Api.Response rsvp(String response, int plusOnes, String answers) {
        return api.post("/api/v1/invitations/" + token + "/rsvp", null,
                "{\"response\":\"%s\",\"plusOnes\":%d,\"answers\":%s}".formatted(response, plusOnes, answers));
    }
}
