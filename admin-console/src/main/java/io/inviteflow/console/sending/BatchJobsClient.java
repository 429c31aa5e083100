package io.inviteflow.console.sending;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * batch-jobs' API as the console uses it: a campaign's preview and test mail, made by the code that sends the real
 * ones; the history of runs and the restart of a failed one (the ML page's calls are {@code ml.ModelsClient}). Every failure is a {@link Failed} with words for the organizer (batch-jobs' problem detail, or that it could
 * not be reached).
 */
@Component
public class BatchJobsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;

    public BatchJobsClient(RestClient.Builder builder, BatchJobsProperties properties) {
        this.rest = restClient(builder, properties);
    }

    /** A client of batch-jobs' API whose every error is a {@link Failed} (also for the ML page's client). */
    public static RestClient restClient(RestClient.Builder builder, BatchJobsProperties properties) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(properties.url().toString()).requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new Failed(detail(response.getBody().readAllBytes(), response.getStatusCode().value()));
                })
                .build();
    }

    /**
     * A campaign not yet scheduled, and the sample person it is shown for.
     *
     * @param link where every link of the preview leads (nothing is counted)
     */
    public record Draft(String subject, String message, Set<String> channels, String subjectB, String messageB,
                        String eventTitle, String guestName, String link) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mail(String subject, String text, String html) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(String title, String body, String url) {
    }

    /** @param length its characters: past 160 (70 with characters outside the GSM alphabet) it goes as several SMS */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String body, int length) {
    }

    /** One version (A, or B of an A/B test); a channel the campaign does not use is null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String variant, Mail email, Notification push, Text sms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Preview(List<Version> versions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sent(int mails, String to) {
    }

    public List<Version> preview(Draft draft) {
        Preview preview = call(() -> rest.post().uri("/api/v1/campaigns/preview")
                .contentType(MediaType.APPLICATION_JSON).body(draft).retrieve().body(Preview.class));
        return preview == null ? List.of() : preview.versions();
    }

    /** Sends one mail per version to {@code to}; returns how many went. */
    public int testMail(Draft draft, String to) {
        Sent sent = call(() -> rest.post().uri("/api/v1/campaigns/test-mail")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("campaign", draft, "to", to))
                .retrieve().body(Sent.class));
        return sent == null ? 0 : sent.mails();
    }

    /**
     * One run of a batch job (Spring Batch's record of it; times in batch-jobs' clock).
     *
     * @param restartable failed or stopped, and the last run of its job instance
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(long id, long instanceId, String job, Map<String, String> parameters, String status,
                      String exitCode, String exitDescription, java.time.LocalDateTime createdAt,
                      java.time.LocalDateTime startedAt, java.time.LocalDateTime endedAt, long read, long written,
                      long skipped, boolean restartable) {
    }

    /** The newest runs of every job (or of {@code job}), newest first. */
    public List<Run> runs(String job, int limit) {
        List<Run> runs = call(() -> rest.get().uri(uri -> uri.path("/api/v1/jobs/executions")
                        .queryParamIfPresent("job", java.util.Optional.ofNullable(job)).queryParam("limit", limit)
                        .build())
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<List<Run>>() {
                }));
        return runs == null ? List.of() : runs;
    }

    /** Runs a failed run again in the background; returns the new run. */
    public Run restart(long id) {
        return call(() -> rest.post().uri("/api/v1/jobs/executions/{id}/restart", id).retrieve().body(Run.class));
    }

    /** Why a call to batch-jobs did not work, in words for the organizer. */
    public static class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    public static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (Failed e) {
            throw e;
        } catch (RestClientException e) {
            throw new Failed("batch-jobs (sending, retraining) cannot be reached now");
        }
    }

    private static String detail(byte[] body, int status) {
        try {
            String detail = JSON.readTree(body).path("detail").asText("");
            return detail.isBlank() ? "batch-jobs answered " + status : detail;
        } catch (IOException e) {
            return "batch-jobs answered " + status;
        }
    }
}
