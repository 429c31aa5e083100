package io.inviteflow.console.ml;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.inviteflow.console.sending.BatchJobsClient;
import io.inviteflow.console.sending.BatchJobsProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.inviteflow.console.sending.BatchJobsClient.call;

/**
 * batch-jobs' model registry and retrains ({@code /api/v1/ml/…}) as the ML page uses them. Every failure is a
 * {@link BatchJobsClient.Failed} with batch-jobs' words (a refused promotion, a retrain already running).
 */
@Component
public class ModelsClient {

    private final RestClient rest;

    public ModelsClient(RestClient.Builder builder, BatchJobsProperties properties) {
        this.rest = BatchJobsClient.restClient(builder, properties);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String version, String runId, Instant trainedAt, String codeVersion, String source,
                          double trainingSeconds, Data data, Metrics metrics, Answers answers, Ideas ideas,
                          boolean beatsPopularity, boolean promotable, boolean current) {
    }

    /** The ranker of ideas for guests, on their held-out clicks and picks; null when the version has none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ideas(Data data, Metrics metrics, boolean beatsPopularity) {
    }

    /** The answer model's scores on held-out invitations; null when the version has none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answers(double auc, double logLoss, double constantLogLoss, double baseRate, long test) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String split, Instant from, Instant cutoff, Instant to, long interactions, long users,
                       long items, long testUsers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(int k, Ranker als, Ranker popularity, Ranker random) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ranker(double ndcg, double precision, double map, double coverage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(UUID id, String trigger, String requestedBy, boolean promoteIfBetter, String status,
                      Instant startedAt, Instant finishedAt, String version, boolean promoted, String message,
                      String stage) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Promotion(Instant at, String version, String previous, String by, String action) {
    }

    public List<Version> versions() {
        return list("/api/v1/ml/themes/versions", new ParameterizedTypeReference<>() {
        });
    }

    public List<Promotion> promotions() {
        return list("/api/v1/ml/themes/promotions", new ParameterizedTypeReference<>() {
        });
    }

    public List<Run> retrains(int limit) {
        return list("/api/v1/ml/retrains?limit=" + limit, new ParameterizedTypeReference<>() {
        });
    }

    public List<String> log(UUID run, int lines) {
        return list("/api/v1/ml/retrains/" + run + "/log?lines=" + lines, new ParameterizedTypeReference<>() {
        });
    }

    public Version promote(String version, String by) {
        return call(() -> rest.post().uri("/api/v1/ml/themes/versions/{v}/promote", version)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("by", by)).retrieve().body(Version.class));
    }

    public Version rollback(String by) {
        return call(() -> rest.post().uri("/api/v1/ml/themes/rollback").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("by", by)).retrieve().body(Version.class));
    }

    public Run retrain(String by, boolean promoteIfBetter) {
        return call(() -> rest.post().uri("/api/v1/ml/retrains").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("requestedBy", by, "promoteIfBetter", promoteIfBetter)).retrieve().body(Run.class));
    }

    private <T> List<T> list(String uri, ParameterizedTypeReference<List<T>> type) {
        List<T> items = call(() -> rest.get().uri(uri).retrieve().body(type));
        return items == null ? List.of() : items;
    }
}
