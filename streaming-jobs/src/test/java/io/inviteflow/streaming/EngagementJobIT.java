package io.inviteflow.streaming;

import io.inviteflow.streaming.clickhouse.ClickHouseHttp;
import io.inviteflow.streaming.clickhouse.ClickHouseTarget;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.spikes.SpikeRule;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on a Flink MiniCluster against the REAL Kafka (127.0.0.1:9092) and ClickHouse (127.0.0.1:8123),
 * which must be running ({@code ./inviteflow servers}). Each run uses its own topic and database and removes both.
 */
class EngagementJobIT {

    private static final Logger LOG = LoggerFactory.getLogger(EngagementJobIT.class);
    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final String CLICKHOUSE = "http://127.0.0.1:8123";
    private static final int PARTITIONS = 2;
    /** Only a guard against hanging forever when something is broken; the test waits for values, not for time. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String TOPIC = "inviteflow.activity.it-" + RUN;
    private static final String ALERTS = "inviteflow.alerts.it-" + RUN;
    private static final ClickHouseTarget TARGET = new ClickHouseTarget(CLICKHOUSE, "inviteflow_it_" + RUN);
    private static final ClickHouseHttp CH = new ClickHouseHttp(CLICKHOUSE);
    private static MeetupActivities data;
    private static ExpectedEngagement expected;
    /** Sent after the live job has completed a checkpoint and its failure is armed. */
    private static List<MeetupActivities.Message> secondHalf;
    private static List<MeetupActivities.Message> closing;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void produce() throws Exception {
        data = MeetupActivities.load();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
        List<MeetupActivities.Message> messages = data.messages();
        send(messages.subList(0, messages.size() / 2), List.of());
        secondHalf = messages.subList(messages.size() / 2, messages.size());
        closing = data.closingReminders(PARTITIONS); // before the expectation: they are activities too
        expected = new ExpectedEngagement(data.validActivities());
        LOG.info("{} messages ({} valid activities, {} distinct) for {}, the first half sent", messages.size() + PARTITIONS,
                data.validActivities().size(), expected.distinctActivities(), TOPIC);
    }

    /** Sends {@code messages}, then {@code closing} one per partition (every partition's watermark moves on). */
    private static void send(List<MeetupActivities.Message> messages, List<MeetupActivities.Message> closing) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (MeetupActivities.Message m : messages) {
                producer.send(new ProducerRecord<>(TOPIC, m.key(), m.value()));
            }
            for (int p = 0; p < closing.size(); p++) {
                producer.send(new ProducerRecord<>(TOPIC, p, closing.get(p).key(), closing.get(p).value()));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        CH.execute("DROP DATABASE IF EXISTS " + TARGET.database());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
            try {
                admin.deleteTopics(List.of(ALERTS)).all().get();
            } catch (java.util.concurrent.ExecutionException ignored) {
                // no spike in the data, no alert, no topic
            }
            try {
                admin.deleteConsumerGroups(List.of("it-live-" + RUN, "it-replay-" + RUN)).all().get();
            } catch (java.util.concurrent.ExecutionException ignored) {
                // a group that never committed does not exist: nothing to remove
            }
        }
    }

    @Test
    void liveFiguresAreExactThroughATaskFailureAndAReplayFromOffsetZeroLeavesThemUnchanged() throws Exception {
        KafkaTopicWait.awaitTopic(BOOTSTRAP, TOPIC); // what main does first: returns at once for an existing topic

        // live: unbounded, parallelism 2, checkpoints every 500 ms; a task dies once mid-stream and is restored
        StreamExecutionEnvironment live = environment(2);
        EngagementSinks real = sinks();
        new EngagementJob(source("it-live-" + RUN, false), new EngagementSinks(real.activityLog(),
                new FailOnceSink<>(real.totals()), real.alerts()), EventTimeSettings.DEFAULT, SpikeRule.DEFAULT)
                .wire(live);
        JobClient running = live.executeAsync("engagement-it-live");
        try {
            awaitCommittedOffsets("it-live-" + RUN); // a checkpoint completed with part of the data
            FailOnceSink.arm();
            send(secondHalf, closing);
            awaitEqual("engagement_totals", this::eventTotals, expected.eventTotalRows());
            awaitEqual("activity_log", this::activityLogCounts,
                    List.of(expected.distinctActivities() + "\t" + expected.distinctActivities()));
        } finally {
            running.cancel().get();
        }
        assertThat(FailOnceSink.hasFailed()).as("the injected failure happened").isTrue();
        assertThat(expected.engagementRows()).hasSizeGreaterThan(100); // the data really spans many events
        assertConsoleQueryWorks();
        List<String> before = finalRowsWithVersions();

        // replay: a new group (no committed offsets → earliest), empty state, parallelism 1, bounded at today's end
        StreamExecutionEnvironment replay = environment(1);
        job(source("it-replay-" + RUN, true)).wire(replay);
        replay.execute("engagement-it-replay"); // returns after the end of input was flushed to ClickHouse

        assertThat(finalRowsWithVersions()).isEqualTo(before);
        assertThat(eventTotals()).isEqualTo(expected.eventTotalRows());
    }

    private static void awaitCommittedOffsets(String group) throws Exception {
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            while (admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().isEmpty()) {
                assertThat(System.nanoTime()).as("a checkpoint committing offsets").isLessThan(giveUpAt);
                Thread.sleep(100);
            }
        }
    }

    private StreamExecutionEnvironment environment(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(500));
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private static EngagementJob job(KafkaSource<ActivityEvent> source) {
        return new EngagementJob(source, sinks(), EventTimeSettings.DEFAULT, SpikeRule.DEFAULT);
    }

    /** The real sinks; alerts (if the data has a spike) go to a topic of their own, not back into the input. */
    private static EngagementSinks sinks() {
        return EngagementSinks.of(TARGET, 500, Duration.ofMillis(300), BOOTSTRAP, ALERTS);
    }

    private static KafkaSource<ActivityEvent> source(String group, boolean bounded) {
        JobArguments args = JobArguments.parse("--bootstrap", BOOTSTRAP, "--topic", TOPIC, "--group", group);
        var builder = EngagementJob.kafkaSource(args);
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Every non-zero counter of the events, sorted like {@link ExpectedEngagement#eventTotalRows()}. */
    private List<String> eventTotals() {
        return rows("SELECT scope_id, metric, dimension, value FROM %s FINAL WHERE scope = 'event' AND value != 0",
                "engagement_totals").stream().sorted().toList();
    }

    private List<String> activityLogCounts() {
        return rows("SELECT count(), uniqExact(event_id) FROM %s FINAL", "activity_log");
    }

    /** Everything a reader sees, versions and times included: a replay must reproduce it to the byte. */
    private List<String> finalRowsWithVersions() {
        List<String> all = new java.util.ArrayList<>(rows("SELECT scope, scope_id, metric, dimension, value, version,"
                + " toUnixTimestamp(updated_at) FROM %s FINAL ORDER BY scope, scope_id, metric, dimension",
                "engagement_totals"));
        all.addAll(rows("SELECT event_id, type, aggregate_type, aggregate_id, party_event_id,"
                + " toUnixTimestamp(occurred_at), occurred_ms, payload FROM %s FINAL ORDER BY event_id", "activity_log"));
        return all;
    }

    /** The console's query of an event's figures (EngagementStore), verbatim, for the event with the most invitations. */
    private void assertConsoleQueryWorks() throws IOException {
        String busiest = rows("SELECT scope_id FROM %s FINAL WHERE scope = 'event' AND metric = 'invited'"
                + " ORDER BY value DESC, scope_id LIMIT 1", "engagement_totals").get(0);
        String figures = CH.query(("SELECT metric, value, toUnixTimestamp(updated_at) AS updated_epoch FROM %s FINAL"
                + " WHERE scope = 'event' AND scope_id = '%s' AND dimension = ''"
                + " AND metric IN ('invited', 'opened', 'yes', 'no', 'maybe', 'headcount') FORMAT TabSeparated")
                .formatted(TARGET.qualified("engagement_totals"), busiest));
        List<String> expectedFigures = expected.eventTotalRows().stream().filter(r -> r.startsWith(busiest + "\t"))
                .filter(r -> r.split("\t")[2].isEmpty())
                .filter(r -> java.util.Set.of("invited", "opened", "yes", "no", "maybe", "headcount")
                        .contains(r.split("\t")[1]))
                .map(r -> r.split("\t")[1] + "\t" + r.split("\t")[3]).sorted().toList();
        assertThat(figures.lines().map(l -> l.substring(0, l.lastIndexOf('\t'))).filter(l -> !l.endsWith("\t0"))
                .sorted().toList()).isEqualTo(expectedFigures);
    }

    private static List<String> rows(String sqlTemplate, String table) {
        try {
            String body = CH.query(sqlTemplate.formatted(TARGET.qualified(table)) + " FORMAT TabSeparated");
            return body.lines().toList();
        } catch (IOException e) {
            return List.of("query failed: " + e.getMessage()); // e.g. table not created yet: keep waiting
        }
    }

    private static void awaitEqual(String what, Supplier<List<String>> actual, List<String> wanted)
            throws InterruptedException {
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        List<String> seen = actual.get();
        while (!seen.equals(wanted) && System.nanoTime() < giveUpAt) {
            Thread.sleep(250);
            seen = actual.get();
        }
        assertThat(seen).as(what).isEqualTo(wanted);
    }
}
