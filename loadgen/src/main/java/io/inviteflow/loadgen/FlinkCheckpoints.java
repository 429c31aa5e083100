package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Completed checkpoints of the one job of a Flink REST API ({@code /jobs/overview}, {@code /jobs/{id}/checkpoints}):
 * how many fell into a timed window, so a throughput figure says whether it paid for any.
 */
final class FlinkCheckpoints {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    FlinkCheckpoints(int restPort) {
        this.base = "http://127.0.0.1:" + restPort;
    }

    long completed() throws IOException, InterruptedException {
        String job = get("/jobs/overview").path("jobs").path(0).path("jid").asText();
        return get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Flink REST " + path + ": " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
