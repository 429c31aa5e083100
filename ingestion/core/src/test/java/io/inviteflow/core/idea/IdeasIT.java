package io.inviteflow.core.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.core.privacy.GuestKeys;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.ideas.IdeaModelFile;
import io.inviteflow.testsupport.ActivityReader;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ideas on the guest page: ranked, picked, explained, given once when from a registry, recorded as activities. */
class IdeasIT extends CoreIntegrationTest {

    static Path models;

    @DynamicPropertySource
    static void modelsDir(DynamicPropertyRegistry registry) throws Exception {
        models = Files.createTempDirectory("idea-models");
        registry.add("inviteflow.suggestions.models-dir", () -> models.toString());
        registry.add("inviteflow.suggestions.refresh-every", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    GuestKeys keys;
    @Autowired
    BlindIndex index;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void guestsPickWhatToBringAndTheOrganizerSeesWhoBringsWhat() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String bbq = event(api, organizer, "bbq");
        JsonNode guests = invite(api, organizer, bbq, "Ada", "Grace");
        String ada = guests.get(0).get("token").asText();
        String grace = guests.get(1).get("token").asText();

        String page = api.getAs("/i/" + ada, "test").body();
        assertThat(page).contains("Ideas for this event").contains("Potato salad").contains("ll bring this")
                .doesNotContain("Stand mixer").doesNotContain("Because you chose");

        assertThat(api.postForm("/i/" + ada + "/ideas/bbq-potato-salad", "").status()).isEqualTo(303);
        assertThat(api.postForm("/i/" + ada + "/ideas/bbq-potato-salad", "").status()).as("twice: no change")
                .isEqualTo(303);
        assertThat(api.postForm("/i/" + grace + "/ideas/bbq-potato-salad", "").status()).as("many bring salad")
                .isEqualTo(303);
        assertThat(api.postForm("/i/" + ada + "/ideas/wedding-registry-stand-mixer", "").status())
                .as("not an idea for a barbecue").isEqualTo(404);
        assertThat(api.postForm("/i/" + ada + "/ideas/no-such-idea", "").status()).isEqualTo(404);
        assertThat(api.postForm("/i/AAAAAAAAAAAAAAAAAAAAAA/ideas/bbq-potato-salad", "").status()).isEqualTo(404);

        page = api.getAs("/i/" + ada + "?back=ideas", "test").body();
        assertThat(page).contains("Your pick");
        // before any model knows Ada, ideas sharing her pick's attributes (a homemade side dish) come first
        assertThat(page).contains("Because you chose Potato salad");

        JsonNode list = api.get("/api/v1/events/" + bbq + "/ideas", organizer).json();
        JsonNode salad = find(list, "bbq-potato-salad");
        assertThat(salad.get("kind").asText()).isEqualTo("BRING");
        assertThat(salad.get("pickedBy").findValuesAsText("guestName")).containsExactly("Ada", "Grace");
        assertThat(find(list, "bbq-burger-buns").get("pickedBy")).isEmpty();
        assertThat(api.get("/api/v1/events/" + bbq + "/ideas", api.newOrganizerToken()).status())
                .as("another organizer's event").isEqualTo(404);

        assertThat(api.postForm("/i/" + ada + "/ideas/bbq-potato-salad", "picked=false").status()).isEqualTo(303);
        assertThat(api.postForm("/i/" + ada + "/ideas/bbq-burger-buns/clicks", "").status()).isEqualTo(204);
        assertThat(find(api.get("/api/v1/events/" + bbq + "/ideas", organizer).json(), "bbq-potato-salad")
                .get("pickedBy").findValuesAsText("guestName")).containsExactly("Grace");

        String adaId = guests.get(0).get("id").asText();
        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> mine = reader.readUntil(all -> ofInvitation(all, adaId).size() >= 3,
                    Duration.ofSeconds(30));
            List<ActivityReader.Message> ideas = ofInvitation(mine, adaId);
            assertThat(ideas).as("one pick (the second changed nothing), its undo, one click")
                    .map(m -> m.activity().type() + "/" + m.activity().payload().path("picked").asText("-"))
                    .containsExactly("IDEA_PICKED/true", "IDEA_PICKED/false", "IDEA_CLICKED/-");
            String expectedKey = keys.of(index.personKeyOfEmail("ada-" + run + "@example.org"));
            assertThat(ideas).allSatisfy(m -> {
                assertThat(m.activity().payload().get("guestKey").asText()).isEqualTo(expectedKey);
                assertThat(m.activity().payload().get("eventType").asText()).isEqualTo("bbq");
                assertThat(m.activity().payload().toString()).doesNotContain("example.org").doesNotContain("Ada");
            });
        }
    }

    @Test
    void aRegistryGiftIsGivenByOneGuestAndOthersNoLongerSeeIt() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String wedding = event(api, organizer, "wedding");
        JsonNode guests = invite(api, organizer, wedding, "Ada", "Grace");
        String ada = guests.get(0).get("token").asText();
        String grace = guests.get(1).get("token").asText();

        assertThat(api.postForm("/i/" + ada + "/ideas/wedding-registry-stand-mixer", "").status()).isEqualTo(303);
        var refused = api.postForm("/i/" + grace + "/ideas/wedding-registry-stand-mixer", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Another guest already gives Stand mixer");
        assertThat(api.getAs("/i/" + grace + "?back=ideas", "test").body()).doesNotContain("Stand mixer");

        assertThat(api.postForm("/i/" + ada + "/ideas/wedding-registry-stand-mixer", "picked=false").status())
                .isEqualTo(303);
        assertThat(api.postForm("/i/" + grace + "/ideas/wedding-registry-stand-mixer", "").status()).isEqualTo(303);
    }

    @Test
    void aPromotedModelRanksTheIdeasForAGuestItKnowsAndSaysWhy() throws Exception {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String party = event(api, organizer, "party");
        String grace = invite(api, organizer, party, "Grace").get(0).get("token").asText();
        String key = keys.of(index.personKeyOfEmail("grace-" + run + "@example.org"));
        // Grace's factors point at the disco outfit, then the playlist, away from snacks; she chose a cocktail dress
        // at an earlier wedding
        Map<String, float[]> items = Map.of(
                "party-disco", new float[]{1f, 0f}, "party-playlist", new float[]{0.6f, 0.1f},
                "party-snacks", new float[]{-1f, 0f}, "wedding-cocktail-dress", new float[]{0.9f, 0.1f});
        publish(new IdeaModelFile("v-ideas", items, Map.of(key, new IdeaModelFile.Guest(new float[]{1f, 0f},
                List.of("wedding-cocktail-dress"))), Map.of("party", List.of("party-snacks", "party-drinks"))));

        String page = api.getAs("/i/" + grace, "test").body();

        // the model's order for what it knows, each explained by the earlier choice pointing the same way
        int disco = page.indexOf("Disco glitter");
        int playlist = page.indexOf("Your playlist");
        int snacks = page.indexOf("Snacks");
        assertThat(disco).isPositive().isLessThan(playlist);
        assertThat(playlist).isLessThan(snacks);
        assertThat(page).contains("Because you chose Cocktail dress");
        // then the popular ones the model did not rank, then the catalogue's order
        int drinks = page.indexOf("Drinks to share");
        assertThat(drinks).isGreaterThan(snacks);
        assertThat(page.substring(drinks)).contains("Popular with guests of such events");
        assertThat(page.indexOf("Smart casual")).isGreaterThan(drinks);
    }

    private void publish(IdeaModelFile ideas) throws Exception {
        Path dir = Files.createDirectories(models.resolve("themes").resolve(ideas.version()));
        Files.writeString(dir.resolve("suggestions.json"), """
                {"version":"%s","trainedAt":"2026-11-25T10:00:00Z","popular":[],"users":{}}""".formatted(
                ideas.version()));
        new ObjectMapper().writeValue(dir.resolve("ideas.json").toFile(), ideas);
        Files.writeString(models.resolve("themes/CURRENT"), ideas.version() + "\n");
    }

    private static List<ActivityReader.Message> ofInvitation(List<ActivityReader.Message> all, String invitation) {
        return all.stream().filter(m -> m.activity().aggregateId().toString().equals(invitation)
                && (m.activity().type() == ActivityType.IDEA_PICKED || m.activity().type() == ActivityType.IDEA_CLICKED))
                .toList();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode idea : list) {
            if (idea.get("id").asText().equals(id)) {
                return idea;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static String event(Api api, String organizer, String template) {
        var created = api.post("/api/v1/events", organizer, """
                {"title":"A %s","startsAt":"2027-06-12T18:00:00+02:00","timeZone":"Europe/Berlin","template":"%s"}"""
                .formatted(template, template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode invite(Api api, String organizer, String event, String... names) {
        StringBuilder guests = new StringBuilder();
        for (String name : names) {
            guests.append(guests.isEmpty() ? "" : ",").append("{\"name\":\"%s\",\"email\":\"%s-%s@example.org\"}"
                    .formatted(name, name.toLowerCase(), run));
        }
        var invited = api.post("/api/v1/events/" + event + "/invitations", organizer, "{\"guests\":[" + guests + "]}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().get("invitations");
    }
}
