package io.inviteflow.batch.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.batch.reminder.ReminderRun;
import io.inviteflow.batch.support.BatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history of runs as admins see it: a failed run is listed as restartable; restarted, it runs again with its
 * parameters and completes; the failed run is then no longer the last of its instance and is refused (409).
 */
class JobHistoryIT extends BatchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JobRepository repository;

    @LocalServerPort
    int port;

    @Test
    void aFailedRunIsListedRestartedOnceAndCompletes() throws Exception {
        // a reminder run of an event nobody is invited to, that failed (as if the mail server had been down)
        UUID eventId = UUID.randomUUID();
        ReminderRun run = ReminderRun.unanswered(Instant.now().truncatedTo(ChronoUnit.MINUTES), eventId);
        JobExecution failed = repository.createJobExecution("unansweredReminderJob", run.toJobParameters());
        failed.setStartTime(LocalDateTime.now());
        failed.setStatus(BatchStatus.FAILED);
        failed.setExitStatus(ExitStatus.FAILED.addExitDescription("mail server down"));
        failed.setEndTime(LocalDateTime.now());
        repository.update(failed);

        JsonNode listed = find(get("/api/v1/jobs/executions?job=unansweredReminderJob&limit=20"), failed.getId());
        assertThat(listed.get("status").asText()).isEqualTo("FAILED");
        assertThat(listed.get("exitDescription").asText()).isEqualTo("mail server down");
        assertThat(listed.at("/parameters/eventId").asText()).isEqualTo(eventId.toString());
        assertThat(listed.get("restartable").asBoolean()).isTrue();

        HttpResponse<String> restarted = post("/api/v1/jobs/executions/" + failed.getId() + "/restart");
        assertThat(restarted.statusCode()).isEqualTo(202);
        long again = JSON.readTree(restarted.body()).get("id").asLong();
        assertThat(again).isNotEqualTo(failed.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                JSON.readTree(get("/api/v1/jobs/executions/" + again).body()).get("status").asText()));
        assertThat(JSON.readTree(get("/api/v1/jobs/executions/" + again).body()).get("instanceId").asLong())
                .isEqualTo(failed.getJobInstance().getInstanceId());

        HttpResponse<String> twice = post("/api/v1/jobs/executions/" + failed.getId() + "/restart");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("detail").asText()).contains("not the last of its job instance");
        assertThat(find(get("/api/v1/jobs/executions?job=unansweredReminderJob&limit=20"), failed.getId())
                .get("restartable").asBoolean()).isFalse();
        assertThat(post("/api/v1/jobs/executions/" + again + "/restart").statusCode()).isEqualTo(409);
        assertThat(get("/api/v1/jobs/executions/999999999").statusCode()).isEqualTo(404);
    }

    private static JsonNode find(HttpResponse<String> list, long id) throws Exception {
        for (JsonNode run : JSON.readTree(list.body())) {
            if (run.get("id").asLong() == id) {
                return run;
            }
        }
        throw new AssertionError("run " + id + " not listed: " + list.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
