package io.inviteflow.batch.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreServer;
import io.inviteflow.batch.support.RecommenderJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ML team's loop against the real recommender job (Spark local, MovieLens sample): retrain, compare, promote,
 * the core serving the promoted version, roll back; one retrain at a time; a run outliving a batch-jobs restart.
 */
class RetrainIT extends BatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Retrainer retrainer;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void recommenderIsPackaged() {
        assertThat(RecommenderJob.missing()).isNull();
    }

    @Test
    void retrainCompareAndPromoteThenTheCoreServesItAndARollbackGoesBack() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/ml/retrains",
                "{\"requestedBy\":\"ml@inviteflow.test\",\"promoteIfBetter\":false}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String first = JSON.readTree(started.body()).get("id").asText();

        HttpResponse<String> second = send("POST", "/api/v1/ml/retrains",
                "{\"requestedBy\":\"ml@inviteflow.test\",\"promoteIfBetter\":false}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        JsonNode run = awaitEnd(first);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("stage").asText()).isEqualTo("stage 6/6: writing the version");
        assertThat(run.get("promoted").asBoolean()).isFalse();
        String v1 = run.get("version").asText();
        assertThat(run.get("message").asText()).startsWith("wrote ");
        assertThat(JSON.readTree(get("/api/v1/ml/retrains/" + first + "/log?lines=50").body()).toString())
                .contains("stage 1/6");

        JsonNode version = find(JSON.readTree(get("/api/v1/ml/themes/versions").body()), v1);
        assertThat(version.get("current").asBoolean()).isFalse();
        assertThat(version.get("runId").asText()).isEqualTo(first);
        assertThat(version.at("/data/interactions").asLong()).isEqualTo(353);
        assertThat(version.at("/metrics/als/ndcg").asDouble())
                .isGreaterThan(version.at("/metrics/popularity/ndcg").asDouble());

        HttpResponse<String> promoted = send("POST", "/api/v1/ml/themes/versions/" + v1 + "/promote",
                "{\"by\":\"ml@inviteflow.test\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(current()).isEqualTo(v1);
        assertThat(send("POST", "/api/v1/ml/themes/versions/" + v1 + "/promote", "{\"by\":\"ml@inviteflow.test\"}")
                .statusCode()).as("already served").isEqualTo(409);
        String organizer = coreApi().newOrganizerToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> v1.equals(servedVersion(organizer)));

        // a second retrain, promoted because it beats popularity; then a rollback returns to the first
        String second2 = JSON.readTree(send("POST", "/api/v1/ml/retrains",
                "{\"requestedBy\":\"nightly@inviteflow.test\",\"promoteIfBetter\":true}").body()).get("id").asText();
        JsonNode run2 = awaitEnd(second2);
        assertThat(run2.get("promoted").asBoolean()).as(run2.toString()).isTrue();
        String v2 = run2.get("version").asText();
        assertThat(current()).isEqualTo(v2).isNotEqualTo(v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> v2.equals(servedVersion(organizer)));

        HttpResponse<String> rolledBack = send("POST", "/api/v1/ml/themes/rollback", "{\"by\":\"ml@inviteflow.test\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(current()).isEqualTo(v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> v1.equals(servedVersion(organizer)));
        JsonNode promotions = JSON.readTree(get("/api/v1/ml/themes/promotions").body());
        assertThat(promotions.get(0).get("action").asText()).isEqualTo("rollback");
        assertThat(promotions.get(0).get("previous").asText()).isEqualTo(v2);
        assertThat(promotions.get(1).get("by").asText()).contains("nightly@inviteflow.test");
        // v1 was the first version promoted: nothing before it to go back to (not forth to v2 again)
        assertThat(send("POST", "/api/v1/ml/themes/rollback", "{\"by\":\"ml@inviteflow.test\"}").statusCode())
                .isEqualTo(409);
        assertThat(current()).isEqualTo(v1);
    }

    @Test
    void aVersionThatDoesNotBeatPopularityIsNeverPromoted() throws Exception {
        Path dir = Files.createDirectories(CoreServer.MODELS_DIR.resolve("themes/v20200101T000000Z"));
        Files.writeString(dir.resolve("manifest.json"), """
                {"version":"v20200101T000000Z","runId":"x","trainedAt":"2020-01-01T00:00:00Z","beatsPopularity":false,
                 "promotable":false,
                 "metrics":{"k":10,"als":{"ndcg":0.1},"popularity":{"ndcg":0.2}},
                 "answers":{"auc":0.71,"logLoss":0.6,"constantLogLoss":0.69,"baseRate":0.4,"train":900,"test":100}}""");
        JsonNode listed = find(JSON.readTree(get("/api/v1/ml/themes/versions").body()), "v20200101T000000Z");
        assertThat(listed.at("/answers/auc").asDouble()).as("the answer model's scores reach the console")
                .isEqualTo(0.71);
        assertThat(listed.get("responds").isNull()).isTrue();

        HttpResponse<String> refused = send("POST", "/api/v1/ml/themes/versions/v20200101T000000Z/promote",
                "{\"by\":\"ml@inviteflow.test\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("does not beat popularity");

        assertThat(send("POST", "/api/v1/ml/themes/versions/v-nope/promote", "{\"by\":\"a\"}").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/ml/themes/versions/v20200101T000000Z/promote", "{}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aRunWhoseProcessOutlivedARestartIsJudgedByTheVersionCarryingItsIdAndNoRunHoldsTheSlotForEver() throws Exception {
        // a run whose process died with batch-jobs down, without writing a version
        UUID gone = UUID.randomUUID();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        insertRunning(gone, ended.pid(), host());
        retrainer.reattach();
        assertThat(retrainer.run(gone).orElseThrow().status()).isEqualTo("INTERRUPTED");

        // a run of a host that never came back, long past the timeout
        UUID lost = UUID.randomUUID();
        insertRunning(lost, 1, "a-host-gone-for-good");
        jdbc.sql("UPDATE ml_training_run SET started_at = now() - interval '7 hours' WHERE id = :id")
                .param("id", lost).update();
        retrainer.reattach();
        assertThat(retrainer.run(lost).orElseThrow().status()).isEqualTo("INTERRUPTED");

        // a pid alive but of another program (after a reboot): not the run
        UUID reused = UUID.randomUUID();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            insertRunning(reused, other.pid(), host());
            retrainer.reattach();
            assertThat(retrainer.run(reused).orElseThrow().status()).isEqualTo("INTERRUPTED");
        } finally {
            other.destroyForcibly();
        }

        // a run still going when batch-jobs came back (its command line names it), which then writes its version
        UUID alive = UUID.randomUUID();
        Process stillRunning = new ProcessBuilder("sh", "-c", "sleep 30; exit 0", alive.toString()).start();
        insertRunning(alive, stillRunning.pid(), host());
        retrainer.reattach();
        assertThat(retrainer.run(alive).orElseThrow().status()).isEqualTo("RUNNING");
        Path dir = Files.createDirectories(CoreServer.MODELS_DIR.resolve("themes/v20200102T000000Z"));
        Files.writeString(dir.resolve("manifest.json"), """
                {"version":"v20200102T000000Z","runId":"%s","trainedAt":"2020-01-02T00:00:00Z","beatsPopularity":true,"promotable":true}"""
                .formatted(alive));
        stillRunning.destroy();

        await().atMost(Duration.ofSeconds(20)).until(() -> !"RUNNING".equals(retrainer.run(alive).orElseThrow().status()));
        assertThat(retrainer.run(alive).orElseThrow().status()).isEqualTo("SUCCEEDED");
        assertThat(retrainer.run(alive).orElseThrow().version()).isEqualTo("v20200102T000000Z");
    }

    private void insertRunning(UUID id, long pid, String host) {
        jdbc.sql("INSERT INTO ml_training_run (id, trigger, requested_by, promote_if_better, status, host, pid, "
                        + "log_file) VALUES (:id, 'console', 'test', false, 'RUNNING', :host, :pid, '/nonexistent.log')")
                .param("id", id).param("host", host).param("pid", pid).update();
    }

    private static String host() throws Exception {
        return java.net.InetAddress.getLocalHost().getHostName();
    }

    private JsonNode awaitEnd(String id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !"RUNNING".equals(JSON.readTree(get("/api/v1/ml/retrains/" + id).body())
                        .get("status").asText()));
        try {
            return JSON.readTree(get("/api/v1/ml/retrains/" + id).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String servedVersion(String organizerToken) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(CoreServer.shared().url()
                        + "/api/v1/suggestions/themes")).header("Authorization", "Bearer " + organizerToken).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("modelVersion").asText(null);
    }

    private static String current() throws Exception {
        return Files.readString(CoreServer.MODELS_DIR.resolve("themes/CURRENT")).trim();
    }

    private static JsonNode find(JsonNode versions, String version) {
        for (JsonNode v : versions) {
            if (v.get("version").asText().equals(version)) {
                return v;
            }
        }
        throw new AssertionError(version + " not listed in " + versions);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
