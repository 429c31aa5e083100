package io.inviteflow.core.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.forecast.AnswerModelFile;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.security.SecurityProperties;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.ServiceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The headcount forecast from a promoted answer model, scored by the core in plain Java. */
class ForecastIT extends CoreIntegrationTest {

    static Path models;

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) throws Exception {
        models = Files.createTempDirectory("forecast-models");
        registry.add("inviteflow.suggestions.models-dir", () -> models.toString());
        registry.add("inviteflow.suggestions.refresh-every", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    SecurityProperties security;

    @Test
    void theForecastAddsEachPendingGuestsChanceToTheYesesSoFar() throws Exception {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        String event = api.newEvent(token, "Forecast party");
        JsonNode invited = api.invite(token, event, "Ada", "Grace", "Alan", "Charles");
        // Charles's link is revoked: he can never answer, so he is neither pending nor counted
        api.post("/api/v1/events/" + event + "/invitations/" + invited.get(3).get("id").asText() + "/revoke", token, "");
        publish("v1", false);
        assertThat(api.get("/api/v1/events/" + event + "/forecast", token).status())
                .as("a version without an answer model").isEqualTo(404);
        publish("v2", true);

        api.post("/api/v1/invitations/" + invited.get(0).get("token").asText() + "/rsvp", null,
                "{\"response\":\"YES\",\"plusOnes\":1}");
        api.getAs("/i/" + invited.get(1).get("token").asText(), "test"); // Grace opened, not answered
        JsonNode forecast = api.get("/api/v1/events/" + event + "/forecast", token).json();

        // both invited by name only (a link, no email), for a birthday, just now (the model's snapshot at sending);
        // Grace opened hers
        AnswerModelFile model = model("v2");
        double grace = model.probability(Map.of("channel", "link", "template", "birthday", "age", "0d"),
                Map.of("opened", 1.0));
        double alan = model.probability(Map.of("channel", "link", "template", "birthday", "age", "0d"),
                Map.of("opened", 0.0));
        assertThat(forecast.get("modelVersion").asText()).isEqualTo("v2");
        assertThat(forecast.at("/answers/invitations").asLong()).isEqualTo(3);
        assertThat(forecast.at("/answers/yes").asLong()).isEqualTo(1);
        assertThat(forecast.at("/answers/yesHeadcount").asLong()).isEqualTo(2);
        assertThat(forecast.at("/forecast/pending").asInt()).isEqualTo(2);
        assertThat(forecast.at("/forecast/expectedMoreYes").asDouble()).isCloseTo(grace + alan, within(1e-9));
        assertThat(forecast.at("/forecast/expectedHeadcount").asDouble())
                .isCloseTo(2 + 2 * (grace + alan), within(1e-9));
        assertThat(grace).as("an opened invitation").isGreaterThan(alan + 0.3);
        assertThat(api.get("/api/v1/events/" + event + "/forecast", api.newOrganizerToken()).status())
                .as("another organizer's event").isEqualTo(404);
    }

    @Test
    void remindersLearnEachPendingGuestsChanceToAnswerFromTheRespondsModel() throws Exception {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        String event = api.newEvent(token, "Reminder party");
        JsonNode invited = api.post("/api/v1/events/" + event + "/invitations", token, """
                {"guests":[{"name":"Ada","email":"ada-%1$s@example.org"},{"name":"Grace","email":"grace-%1$s@example.org"}]}"""
                .formatted(java.util.UUID.randomUUID())).json().get("invitations");
        api.getAs("/i/" + invited.get(0).get("token").asText(), "test"); // Ada opened hers
        publish("v3", true);
        AnswerModelFile responds = new AnswerModelFile("v3", -2.0, Map.of(), Map.of("opened", 3.0));
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(
                models.resolve("themes/v3/responds.json").toFile(), responds);

        JsonNode page = api.get("/api/v1/internal/pending-invitations?eventId=" + event,
                ServiceTokens.mint(security)).json();

        Map<String, Double> chances = new java.util.HashMap<>();
        page.get("items").forEach(i -> chances.put(i.get("guestName").asText(), i.get("answerChance").asDouble()));
        assertThat(chances).hasSize(2);
        assertThat(chances.get("Ada")).isCloseTo(responds.probability(Map.of(), Map.of("opened", 1.0)), within(1e-12));
        assertThat(chances.get("Grace")).isCloseTo(responds.probability(Map.of(), Map.of("opened", 0.0)),
                within(1e-12));
    }

    private static AnswerModelFile model(String version) {
        return new AnswerModelFile(version, -1.0, Map.of(
                "channel", new AnswerModelFile.Categorical(Map.of("email", 0.5, "link", -0.2), 0.0),
                "template", new AnswerModelFile.Categorical(Map.of("birthday", 0.3), -0.1),
                "age", new AnswerModelFile.Categorical(Map.of("0d", 0.4, "7d", -1.0), 0.0)),
                Map.of("opened", 2.5, "referred", 0.4));
    }

    private static void publish(String version, boolean withAnswers) throws Exception {
        Path dir = Files.createDirectories(models.resolve("themes").resolve(version));
        Files.writeString(dir.resolve("suggestions.json"), """
                {"version":"%s","trainedAt":"2026-11-25T10:00:00Z","popular":[],"users":{}}""".formatted(version));
        if (withAnswers) {
            new com.fasterxml.jackson.databind.ObjectMapper().writeValue(dir.resolve("answers.json").toFile(),
                    model(version));
        }
        Files.writeString(models.resolve("themes/CURRENT"), version + "\n");
    }
}
