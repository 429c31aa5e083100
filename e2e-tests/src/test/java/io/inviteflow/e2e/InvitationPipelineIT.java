package io.inviteflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.testsupport.IsolatedStores;
import io.inviteflow.testsupport.ServiceProcess;
import io.inviteflow.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spine end to end: the real core, Flink job and console as separate processes on the real PostgreSQL, Kafka
 * and ClickHouse. Traffic goes in through the core's public API; the figures come out of the console's engagement
 * API and must be exactly what the traffic implies.
 */
class InvitationPipelineIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String CLICKHOUSE = TestServers.clickHouseHttp();
    private static final Path LOGS = Path.of("target", "e2e-logs");
    private static final String CH_DATABASE = "e2e_" + RUN;
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static String core;
    private static String console;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String topic = "inviteflow.activity.e2e-" + RUN;
        int corePort = ServiceProcess.freePort();
        int consolePort = ServiceProcess.freePort();
        int flinkRestPort = ServiceProcess.freePort();
        core = "http://127.0.0.1:" + corePort;
        console = "http://127.0.0.1:" + consolePort;

        SERVICES.add(ServiceProcess.start("core", root.resolve("ingestion/core/target/inviteflow-core-exec.jar"),
                LOGS, List.of("-Xmx512m"), withPort(core(new IsolatedStores("e2e_" + RUN, topic).arguments()), corePort))
                .awaitHealthy(() -> ServiceProcess.httpOk(core + "/actuator/health"), Duration.ofMinutes(2)));
        SERVICES.add(ServiceProcess.start("streaming-job",
                root.resolve("streaming-jobs/target/inviteflow-streaming-jobs.jar"), LOGS, List.of("-Xmx768m"),
                List.of("--bootstrap", TestServers.kafkaBootstrap(), "--topic", topic, "--group", "e2e-" + RUN, "--clickhouse-database", CH_DATABASE,
                        "--checkpoint-dir", "file://" + root.resolve("e2e-tests/target/checkpoints-" + RUN),
                        "--checkpoint-interval-ms", "1000", "--rest-port", String.valueOf(flinkRestPort)))
                .awaitHealthy(() -> "1".equals(clickhouse("EXISTS TABLE " + CH_DATABASE + ".engagement_totals")),
                        Duration.ofMinutes(2)));
        SERVICES.add(ServiceProcess.start("console",
                root.resolve("admin-console/target/inviteflow-admin-console.jar"), LOGS, List.of("-Xmx512m"),
                List.of("--server.port=" + consolePort, "--inviteflow.core.url=" + core,
                        "--inviteflow.clickhouse.database=" + CH_DATABASE, "--inviteflow.pipeline.topic=" + topic,
                        "--inviteflow.pipeline.group=e2e-" + RUN,
                        "--inviteflow.pipeline.flink-rest-url=http://127.0.0.1:" + flinkRestPort,
                        "--inviteflow.pipeline.refresh-interval=1s"))
                .awaitHealthy(() -> ServiceProcess.httpOk(console + "/actuator/health"), Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).close();
        }
        clickhouse("DROP DATABASE IF EXISTS " + CH_DATABASE);
    }

    @Test
    void everyInvitationOpenAndAnswerShowsUpExactlyInTheConsole() throws Exception {
        String organizer = organizerToken();
        String eventId = Http.post(core + "/api/v1/events", organizer, """
                {"title":"Ada's 30th","startsAt":"2027-06-12T18:00:00+02:00","timeZone":"Europe/Berlin",
                 "venue":{"name":"Kulturbrauerei","lat":52.539,"lon":13.4128},"template":"birthday"}""")
                .json().get("id").asText();
        String guests = IntStream.range(0, 200).mapToObj(i -> i % 2 == 0
                ? "{\"name\":\"Guest " + i + "\",\"email\":\"guest" + i + "@example.org\"}"
                : "{\"name\":\"Guest " + i + "\"}").collect(Collectors.joining(","));
        JsonNode invited = Http.post(core + "/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[" + guests + "]}").json().get("invitations");
        List<String> tokens = new ArrayList<>();
        invited.forEach(i -> tokens.add(i.get("token").asText()));

        for (int i = 0; i < 150; i++) {                          // 150 guests open…
            assertThat(Http.get(core + "/i/" + tokens.get(i), null).status()).isEqualTo(200);
        }
        for (int i = 0; i < 50; i++) {                           // …50 of them twice
            Http.get(core + "/i/" + tokens.get(i), null);
        }
        Map<Integer, String[]> latest = new LinkedHashMap<>();   // guest -> {response, plusOnes}
        answer(tokens, latest, 0, 60, i -> "YES", i -> i % 3);
        answer(tokens, latest, 60, 90, i -> "NO", i -> 0);
        answer(tokens, latest, 90, 110, i -> "MAYBE", i -> 1);
        answer(tokens, latest, 150, 160, i -> "YES", i -> 2);    // answered without opening the page
        answer(tokens, latest, 0, 10, i -> "NO", i -> 0);        // changed their minds
        answer(tokens, latest, 60, 65, i -> "YES", i -> 1);
        answer(tokens, latest, 90, 95, i -> "YES", i -> 0);

        Map<String, Long> expected = expected(latest);
        JsonNode figures = awaitFigures(organizer, eventId, expected, Duration.ofMinutes(2));

        assertThat(figures(figures)).isEqualTo(expected);
        assertThat(figures.get("asOf").isNull()).isFalse();
        assertThat(Http.get(console + "/api/v1/events/" + eventId + "/engagement", organizerToken()).status())
                .as("another organizer").isEqualTo(404);
        assertThat(Http.get(console + "/api/v1/events/" + eventId + "/engagement", null).status()).isEqualTo(401);

        // the console's operations figures come from the running job: RUNNING, checkpointing, the topic read
        Map<String, Double> ops = awaitPipelineFigures(Duration.ofMinutes(1));
        assertThat(ops.get("inviteflow_pipeline_job_running")).isEqualTo(1.0);
        assertThat(ops.get("inviteflow_pipeline_checkpoint_age_seconds")).isBetween(0.0, 30.0);
        assertThat(ops.get("inviteflow_pipeline_consumer_lag")).isNotNaN();
        assertThat(ops.get("inviteflow_pipeline_ingest_lag_seconds")).isBetween(0.0, 30.0);
    }

    /** The pipeline gauges of the console's Prometheus scrape, once every part of the pipeline has been read. */
    private static Map<String, Double> awaitPipelineFigures(Duration atMost) throws Exception {
        long giveUpAt = System.nanoTime() + atMost.toNanos();
        Map<String, Double> figures = Map.of();
        while (System.nanoTime() < giveUpAt) {
            figures = Http.get(console + "/actuator/prometheus", null).body().lines()
                    .filter(l -> l.startsWith("inviteflow_pipeline_"))
                    .map(l -> l.split(" "))
                    .collect(Collectors.toMap(p -> p[0], p -> Double.parseDouble(p[1])));
            if (figures.size() == 5 && figures.values().stream().noneMatch(v -> v.isNaN())) {
                return figures;
            }
            Thread.sleep(500);
        }
        return figures;
    }

    private static void answer(List<String> tokens, Map<Integer, String[]> latest, int from, int to,
                               java.util.function.IntFunction<String> response,
                               java.util.function.IntUnaryOperator plusOnes) {
        for (int i = from; i < to; i++) {
            var r = Http.post(core + "/api/v1/invitations/" + tokens.get(i) + "/rsvp", null,
                    "{\"response\":\"" + response.apply(i) + "\",\"plusOnes\":" + plusOnes.applyAsInt(i) + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            latest.put(i, new String[]{response.apply(i), String.valueOf(plusOnes.applyAsInt(i))});
        }
    }

    private static Map<String, Long> expected(Map<Integer, String[]> latest) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("invited", 200L);
        figures.put("opened", 150L);
        for (String r : List.of("YES", "NO", "MAYBE")) {
            figures.put(r.toLowerCase(), latest.values().stream().filter(a -> a[0].equals(r)).count());
        }
        figures.put("headcount", latest.values().stream().filter(a -> a[0].equals("YES"))
                .mapToLong(a -> 1 + Long.parseLong(a[1])).sum());
        return figures;
    }

    private static JsonNode awaitFigures(String token, String eventId, Map<String, Long> expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            var response = Http.get(console + "/api/v1/events/" + eventId + "/engagement", token);
            if (response.status() == 200) {
                last = response.json();
                if (figures(last).equals(expected)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        return last == null ? Http.JSON.createObjectNode() : last;
    }

    private static Map<String, Long> figures(JsonNode json) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String name : List.of("invited", "opened", "yes", "no", "maybe", "headcount")) {
            figures.put(name, json.path(name).asLong(-1));
        }
        return figures;
    }

    private static String organizerToken() {
        String email = "e2e-" + UUID.randomUUID() + "@example.org";
        assertThat(Http.post(core + "/api/v1/organizers", null,
                "{\"email\":\"" + email + "\",\"password\":\"end-to-end\",\"name\":\"E2E\"}").status()).isEqualTo(201);
        io.inviteflow.testsupport.AddressConfirmations.confirm(core, email, "end-to-end");
        return Http.post(core + "/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"end-to-end\"}").json().get("accessToken").asText();
    }

    private static List<String> core(List<String> stores) {
        List<String> all = new ArrayList<>(stores);
        all.addAll(io.inviteflow.testsupport.CoreUnderTest.ARGUMENTS);
        return all;
    }

    private static List<String> withPort(List<String> arguments, int port) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=" + port);
        return all;
    }

    private static String clickhouse(String sql) {
        return Http.post(CLICKHOUSE + "?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8), null, "")
                .body().trim();
    }
}
