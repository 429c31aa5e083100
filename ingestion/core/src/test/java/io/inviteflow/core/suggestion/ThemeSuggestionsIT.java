package io.inviteflow.core.suggestion;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Serving the recommender's files: default, then a published model, then a promoted new version, hot. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the core keeps the last good model: "before any" runs first
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
    @Order(1)
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

    @Test
    @Order(2)
    void forAKindOfEventOnlyItsThemesAndANewcomerGetsWhatItsOrganizersChoseThisSeason() throws Exception {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        String organizerId = subject(token);
        String season = Season.of(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        publish("v10", "{\"" + organizerId + "\":[{\"theme\":\"birthday-confetti\",\"score\":0.9},"
                + "{\"theme\":\"wedding-deco\",\"score\":0.5}]}", """
                {"wedding|%s":[{"theme":"wedding-botanical","score":4}],"wedding":[{"theme":"wedding-rings","score":9}],
                 "birthday":[{"theme":"birthday-balloons","score":3}]}""".formatted(season));

        JsonNode personal = api.get("/api/v1/suggestions/themes?eventType=wedding", token).json();
        JsonNode newcomer = api.get("/api/v1/suggestions/themes?eventType=wedding", api.newOrganizerToken()).json();
        JsonNode newcomerOfAnUnseenKind = api.get("/api/v1/suggestions/themes?eventType=kids-birthday",
                api.newOrganizerToken()).json();

        // the organizer's birthday theme is no wedding theme
        assertThat(personal.get("source").asText()).isEqualTo("personal");
        assertThat(personal.get("themes").findValuesAsText("theme")).containsExactly("wedding-deco");
        assertThat(newcomer.get("source").asText()).isEqualTo("popular-for-type-and-season");
        assertThat(newcomer.get("themes").findValuesAsText("theme")).containsExactly("wedding-botanical");
        // nobody chose a kids' birthday theme yet, and the popular themes are other kinds': the catalogue's own
        assertThat(newcomerOfAnUnseenKind.get("source").asText()).isEqualTo("catalogue");
        assertThat(newcomerOfAnUnseenKind.get("themes").findValuesAsText("theme"))
                .containsExactly("kids-birthday-rainbow", "kids-birthday-stars");
        assertThat(api.get("/api/v1/suggestions/themes?eventType=moon-landing", token).status()).isEqualTo(400);
    }

    private static void publish(String version, String users) throws Exception {
        publish(version, users, "{}");
    }

    private static void publish(String version, String users, String bySegment) throws Exception {
        Path dir = Files.createDirectories(models.resolve("themes").resolve(version));
        Files.writeString(dir.resolve("suggestions.json"), """
                {"version":"%s","trainedAt":"2026-11-25T10:00:00Z","metrics":{"ndcgAt10":0.2},
                 "popular":[{"theme":"birthday","score":12},{"theme":"party","score":7}],
                 "popularBySegment":%s,"users":%s}""".formatted(version, bySegment, users));
        Files.writeString(models.resolve("themes/CURRENT"), version + "\n");
    }

    private static String subject(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("sub").asText();
    }
}
