package io.inviteflow.console.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.console.engagement.ClickHouseProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the pipeline's health from its three parts: Kafka (the job's consumer lag, the topic's newest record, through
 * the Admin API), Flink (job state and checkpoints, through its REST API) and ClickHouse (the newest archived
 * activity). Each part fails on its own; {@link #latest()} is what the last {@link #refresh()} found.
 */
@Component
public class PipelineProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String JOB_NAME = "inviteflow-engagement";

    private final PipelineProperties properties;
    private final JdbcTemplate clickHouse;
    private final String activityLog;
    private final Admin kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private volatile PipelineStatus latest;

    PipelineProbe(PipelineProperties properties, @Qualifier("clickHouseJdbcTemplate") JdbcTemplate clickHouse,
                  ClickHouseProperties clickHouseProperties) {
        this.properties = properties;
        this.clickHouse = clickHouse;
        this.activityLog = clickHouseProperties.database() + ".activity_log";
        this.clock = Clock.systemUTC();
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        this.latest = new PipelineStatus(clock.instant(), null, null, null, null, List.of("not read yet"));
    }

    public PipelineStatus latest() {
        return latest;
    }

    /** Reads every part again (a few seconds at most when a part is down). */
    public PipelineStatus refresh() {
        List<String> problems = new ArrayList<>();
        Long lag = null;
        Instant newestOnKafka = null;
        try {
            List<TopicPartition> partitions = partitions();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(),
                    ListOffsetsResult.ListOffsetsResultInfo::offset);
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(properties.group())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lag = ends.entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata done = committed.get(e.getKey());
                return Math.max(0, e.getValue() - (done == null ? 0 : done.offset()));
            }).sum();
            long newest = offsets(partitions, OffsetSpec.maxTimestamp(),
                    ListOffsetsResult.ListOffsetsResultInfo::timestamp)
                    .values().stream().mapToLong(Long::longValue).max().orElse(-1);
            newestOnKafka = newest < 0 ? null : Instant.ofEpochMilli(newest);
        } catch (Exception e) {
            problems.add("Kafka: " + reason(e));
        }
        Instant newestArchived = null;
        try {
            // this month's and last month's partitions only: the newest activity is in one of them when traffic is live
            Long seconds = clickHouse.queryForObject("SELECT toUnixTimestamp(max(occurred_at)) FROM " + activityLog
                    + " WHERE occurred_at >= toStartOfMonth(now() - INTERVAL 31 DAY)", Long.class);
            newestArchived = seconds == null || seconds == 0 ? null : Instant.ofEpochSecond(seconds);
        } catch (RuntimeException e) {
            problems.add("ClickHouse: " + reason(e));
        }
        PipelineStatus.FlinkJob job = null;
        try {
            job = flinkJob();
            if (job == null) {
                problems.add("Flink: no job named " + JOB_NAME + " at " + properties.flinkRestUrl());
            }
        } catch (Exception e) {
            problems.add("Flink: " + reason(e));
        }
        latest = new PipelineStatus(clock.instant(), lag, newestOnKafka, newestArchived, job, List.copyOf(problems));
        return latest;
    }

    private List<TopicPartition> partitions() throws Exception {
        return kafka.describeTopics(List.of(properties.topic())).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(properties.topic()).partitions().stream()
                .map(p -> new TopicPartition(properties.topic(), p.partition())).toList();
    }

    private <T> Map<TopicPartition, T> offsets(List<TopicPartition> partitions, OffsetSpec spec,
                                               Function<ListOffsetsResult.ListOffsetsResultInfo, T> pick)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        return kafka.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> pick.apply(e.getValue())));
    }

    /** The newest job of that name (a restarted local job is a new one), with its checkpoint figures. */
    private PipelineStatus.FlinkJob flinkJob() throws IOException, InterruptedException {
        JsonNode newest = null;
        for (JsonNode j : get("/jobs/overview").path("jobs")) {
            if (JOB_NAME.equals(j.path("name").asText())
                    && (newest == null || j.path("start-time").asLong() > newest.path("start-time").asLong())) {
                newest = j;
            }
        }
        if (newest == null) {
            return null;
        }
        JsonNode checkpoints = get("/jobs/" + newest.path("jid").asText() + "/checkpoints");
        JsonNode completed = checkpoints.path("latest").path("completed");
        boolean any = completed.isObject() && completed.has("latest_ack_timestamp");
        return new PipelineStatus.FlinkJob(newest.path("name").asText(), newest.path("state").asText(),
                Instant.ofEpochMilli(newest.path("start-time").asLong()),
                any ? Instant.ofEpochMilli(completed.path("latest_ack_timestamp").asLong()) : null,
                any ? completed.path("state_size").asLong() : null,
                checkpoints.path("counts").path("failed").asLong());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(properties.flinkRestUrl() + path))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + path);
        }
        return json.readTree(r.body());
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @PreDestroy
    void close() {
        kafka.close(Duration.ofSeconds(1));
    }
}
