package io.inviteflow.core.suggestion;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Serving the recommender's files: default, then a published model, then a promoted new version, hot. */
class ThemeSuggestionsIT extends CoreIntegrationTest {

    static Path models;

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) throws Exception {
        models = Files.createTempDirectory("models");
        registry.add("inviteflow.suggestions.models-dir", () -> models.toString());
        registry.add("inviteflow.suggestions.refresh-every", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Test
    void servesDefaultThenPersonalOrPopularThenTheNewlyPromotedVersion() throws Exception {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        String organizerId = subject(token);

        JsonNode none = api.get("/api/v1/suggestions/themes?limit=3", token).json();
        publish("v1", "{\"" + organizerId + "\":[{\"theme\":\"wedding\",\"score\":0.9},{\"theme\":\"dinner\",\"score\":0.4}]}");
        JsonNode personal = api.get("/api/v1/suggestions/themes", token).json();
        JsonNode stranger = api.get("/api/v1/suggestions/themes", api.newOrganizerToken()).json();
        publish("v2", "{\"" + organizerId + "\":[{\"theme\":\"conference\",\"score\":0.8}]}");
        JsonNode promoted = api.get("/api/v1/suggestions/themes", token).json();
        Files.writeString(models.resolve("themes/CURRENT"), "v3-missing\n");
        JsonNode broken = api.get("/api/v1/suggestions/themes", token).json();

        assertThat(none.get("source").asText()).isEqualTo("default");
        assertThat(none.get("themes")).hasSize(3);
        assertThat(personal.get("source").asText()).isEqualTo("personal");
        assertThat(personal.at("/themes/0/theme").asText()).isEqualTo("wedding");
        assertThat(stranger.get("source").asText()).isEqualTo("popular");
        assertThat(stranger.at("/themes/0/theme").asText()).isEqualTo("birthday");
        assertThat(promoted.get("modelVersion").asText()).isEqualTo("v2");
        assertThat(promoted.at("/themes/0/theme").asText()).isEqualTo("conference");
        assertThat(broken.get("modelVersion").asText()).as("keeps the last good model").isEqualTo("v2");
        assertThat(api.get("/api/v1/suggestions/themes?limit=99", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/suggestions/themes", null).status()).isEqualTo(401);
    }

    private static void publish(String version, String users) throws Exception {
        Path dir = Files.createDirectories(models.resolve("themes").resolve(version));
        Files.writeString(dir.resolve("suggestions.json"), """
                {"version":"%s","trainedAt":"2026-11-25T10:00:00Z","metrics":{"ndcgAt10":0.2},
                 "popular":[{"theme":"birthday","score":12},{"theme":"party","score":7}],
                 "users":%s}""".formatted(version, users));
        Files.writeString(models.resolve("themes/CURRENT"), version + "\n");
    }

    private static String subject(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("sub").asText();
    }
}
