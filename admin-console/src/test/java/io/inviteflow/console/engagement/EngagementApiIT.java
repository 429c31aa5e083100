package io.inviteflow.console.engagement;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.console.support.ClickHouseTestDatabase;
import io.inviteflow.console.support.CoreStandIn;
import io.inviteflow.console.support.TestProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /api/v1/events/{id}/engagement} over real HTTP, with a real ClickHouse (a database of its own) and
 * WireMock as a stand-in for the core's documented API ({@link CoreStandIn}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementApiIT {

    private static final String TOKEN = "token-of-organizer-a";
    private static final long V1_AT = 1_749_300_000L; // 2025-06-07T12:40:00Z
    private static final long V2_AT = 1_749_300_060L;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    EngagementStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void resetCore() {
        CoreStandIn.reset();
        CoreStandIn.rejectsUnknownTokens();
    }

    @Test
    void anEventsSpikesAreItsOwnNewestFirstOncePerAlert() {
        UUID event = UUID.randomUUID();
        UUID replayed = UUID.randomUUID();
        Instant m0 = Instant.parse("2026-11-28T13:00:00Z");
        ClickHouseTestDatabase.insertSpike(event, m0, 40, 3);
        ClickHouseTestDatabase.insertSpike(event, replayed, m0.plusSeconds(600), 55, 4);
        ClickHouseTestDatabase.insertSpike(event, replayed, m0.plusSeconds(600), 57, 4); // judged again by a replay
        ClickHouseTestDatabase.insertSpike(event, m0.plusSeconds(300), 90, 6);
        ClickHouseTestDatabase.insertSpike(UUID.randomUUID(), m0.plusSeconds(900), 500, 9); // another event's

        assertThat(store.spikes(event, 2)).containsExactly(new OpensSpike(m0.plusSeconds(600), 57, 4),
                new OpensSpike(m0.plusSeconds(300), 90, 6));
        assertThat(store.spikes(event, 5)).hasSize(3);
    }

    @Test
    void campaignFunnelsAreTheCampaignsOwnLatestFiguresNotAnEventsOfTheSameId() {
        UUID campaign = UUID.randomUUID();
        ClickHouseTestDatabase.insertCounter("campaign", campaign, "queued", "", 120, 1);
        ClickHouseTestDatabase.insertCounter("campaign", campaign, "opened", "", 40, 1);
        ClickHouseTestDatabase.insertCounter("campaign", campaign, "opened", "", 44, 2);
        ClickHouseTestDatabase.insertCounter("event", campaign, "opened", "", 999, 3);

        Map<UUID, EventMetrics> funnels = store.campaignFunnels(List.of(campaign, UUID.randomUUID()));

        assertThat(funnels).containsOnlyKeys(campaign);
        assertThat(funnels.get(campaign).value("queued")).isEqualTo(120);
        assertThat(funnels.get(campaign).value("opened")).isEqualTo(44);
    }

    @Test
    void readsTheLatestVersionOfAnEventsFigures() throws Exception {
        UUID event = UUID.randomUUID();
        CoreStandIn.hasEvent(TOKEN, event, "Summer party");
        // The newer version is inserted first: ReplacingMergeTree keeps the highest version, not the last insert.
        ClickHouseTestDatabase.insertEngagement(event, 40, 25, 12, 3, 4, 20, 2, V2_AT);
        ClickHouseTestDatabase.insertEngagement(event, 40, 10, 5, 1, 2, 8, 1, V1_AT);

        HttpResponse<String> response = get(event.toString(), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("invited").asLong()).isEqualTo(40);
        assertThat(body.get("opened").asLong()).isEqualTo(25);
        assertThat(body.get("yes").asLong()).isEqualTo(12);
        assertThat(body.get("no").asLong()).isEqualTo(3);
        assertThat(body.get("maybe").asLong()).isEqualTo(4);
        assertThat(body.get("headcount").asLong()).isEqualTo(20);
        assertThat(body.get("asOf").asText()).isEqualTo("2025-06-07T12:41:00Z");
        // The core was asked, with the caller's own token, whether this organizer may see the event.
        CoreStandIn.server().verify(1, getRequestedFor(urlPathMatching("/api/v1/events/" + event))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(response.headers().firstValue("Set-Cookie")).as("the API is stateless").isEmpty();
    }

    @Test
    void anEventWithoutRowsYetHasZerosAndNoAsOf() throws Exception {
        UUID event = UUID.randomUUID();
        CoreStandIn.hasEvent(TOKEN, event, "Fresh event");

        HttpResponse<String> response = get(event.toString(), "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        for (String field : new String[] {"invited", "opened", "yes", "no", "maybe", "headcount"}) {
            assertThat(body.get(field).asLong()).as(field).isZero();
        }
        assertThat(body.has("asOf")).isTrue();
        assertThat(body.get("asOf").isNull()).isTrue();
    }

    @Test
    void withoutATokenIs401ProblemAndTheCoreIsNotAsked() throws Exception {
        HttpResponse<String> response = get(UUID.randomUUID().toString(), null);

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        CoreStandIn.server().verify(0, getRequestedFor(urlPathMatching("/api/v1/events/.*")));
    }

    @Test
    void aTokenTheCoreRejectsIs401Problem() throws Exception {
        assertProblem(get(UUID.randomUUID().toString(), "Bearer expired-or-forged"), 401);
    }

    @Test
    void anotherOrganizersOrAnUnknownEventIs404Problem() throws Exception {
        UUID othersEvent = UUID.randomUUID();
        CoreStandIn.eventNotFound(TOKEN, othersEvent);
        // ClickHouse has figures for it: they must not leak.
        ClickHouseTestDatabase.insertEngagement(othersEvent, 7, 7, 7, 0, 0, 7, 1, V1_AT);

        HttpResponse<String> response = get(othersEvent.toString(), "Bearer " + TOKEN);

        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain("\"invited\"");
    }

    @Test
    void aNonUuidIdIs400Problem() throws Exception {
        assertProblem(get("not-a-uuid", "Bearer " + TOKEN), 400);
        assertProblem(get("1-2-3-4-5", "Bearer " + TOKEN), 400); // UUID.fromString would accept this one
    }

    @Test
    void everyCounterOfAnEventAsJsonAndAsCsvButNotAnotherOrganizers() throws Exception {
        UUID event = UUID.randomUUID();
        CoreStandIn.hasEvent(TOKEN, event, "Summer party");
        ClickHouseTestDatabase.insertCounter(event, "invited", "", 40, 3);
        ClickHouseTestDatabase.insertCounter(event, "invited", "", 39, 2); // an older version
        ClickHouseTestDatabase.insertCounter(event, "shares", "whatsapp, mostly", 5, 5);
        ClickHouseTestDatabase.insertCounter(event, "opens_by_minute", "1749300000", 9, 9); // the chart's, not here
        UUID othersEvent = UUID.randomUUID();
        CoreStandIn.eventNotFound(TOKEN, othersEvent);
        ClickHouseTestDatabase.insertCounter(othersEvent, "invited", "", 7, 7);

        JsonNode body = json.readTree(get(event + "/metrics", "Bearer " + TOKEN).body());
        HttpResponse<String> csv = get(event + "/metrics.csv", "Bearer " + TOKEN);

        assertThat(body.get("counters")).hasSize(2);
        assertThat(body.get("counters").get(0).get("metric").asText()).isEqualTo("invited");
        assertThat(body.get("counters").get(0).get("value").asLong()).isEqualTo(40);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo("metric,dimension,value\r\ninvited,,40\r\nshares,\"whatsapp, mostly\",5\r\n");
        assertProblem(get(othersEvent + "/metrics", "Bearer " + TOKEN), 404);
        assertProblem(get(othersEvent + "/metrics.csv", "Bearer " + TOKEN), 404);
    }

    @Test
    void theJsonApiIsDescribedByAnOpenApiDocument() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).get("paths");
        assertThat(paths.fieldNames()).toIterable().containsExactlyInAnyOrder("/api/v1/events/{id}/engagement",
                "/api/v1/events/{id}/metrics", "/api/v1/events/{id}/metrics.csv");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(CoreStandIn.PROBLEM_JSON);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    /** {@code id} alone asks for the engagement figures; {@code id/metrics…} for that path. */
    private HttpResponse<String> get(String id, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/"
                + (id.contains("/") ? id : id + "/engagement")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
