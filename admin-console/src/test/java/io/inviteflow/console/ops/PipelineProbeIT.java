package io.inviteflow.console.ops;

import io.inviteflow.console.support.ClickHouseTestDatabase;
import io.inviteflow.console.support.TestProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's health read from the REAL Kafka and ClickHouse (a topic, group and database of the test's own),
 * with Flink down: each part is read on its own, and the figures reach {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // tests leave metrics exporters off unless asked: this one checks the Prometheus scrape
class PipelineProbeIT {

    private static final String BOOTSTRAP = "127.0.0.1:9092";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestProperties.register(registry);
    }

    @Autowired
    PipelineProbe probe;
    @LocalServerPort
    int port;

    @AfterAll
    static void removeTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(List.of(TestProperties.PIPELINE_TOPIC)).all().get();
            try {
                admin.deleteConsumerGroups(List.of(TestProperties.PIPELINE_GROUP)).all().get();
            } catch (java.util.concurrent.ExecutionException gone) {
                // the broker may have dropped the offsets of the deleted topic, and with them the empty group
            }
        }
    }

    @Test
    void lagAndIngestLagComeFromKafkaAndClickHouseAndAFlinkThatIsDownIsNamed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(TestProperties.PIPELINE_TOPIC, 2, (short) 1))).all().get();
        }
        long newestAt = Instant.now().toEpochMilli() - 1_000;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BOOTSTRAP), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) { // 3 to partition 0, 2 to partition 1; the newest is 1 s old
                producer.send(new ProducerRecord<>(TestProperties.PIPELINE_TOPIC, i % 2, newestAt - 60_000 + i, "k",
                        "v" + i)).get();
            }
            producer.send(new ProducerRecord<>(TestProperties.PIPELINE_TOPIC, 1, newestAt, "k", "v5")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BOOTSTRAP, ConsumerConfig.GROUP_ID_CONFIG, TestProperties.PIPELINE_GROUP),
                new StringDeserializer(), new StringDeserializer())) {
            // as the job commits at a checkpoint: partition 0 read up to offset 2 of 3, partition 1 not at all
            consumer.commitSync(Map.of(new TopicPartition(TestProperties.PIPELINE_TOPIC, 0), new OffsetAndMetadata(2)));
        }
        long archivedAt = newestAt / 1000 - 30; // ClickHouse is 30 s behind (DateTime has whole seconds)
        ClickHouseTestDatabase.execute(ClickHouseTestDatabase.name(), ("INSERT INTO activity_log VALUES ('e1', "
                + "'INVITATION_OPENED', 'invitation', 'i1', 'p1', toDateTime(%d), 0, '{}')").formatted(archivedAt));

        PipelineStatus s = probe.refresh();

        assertThat(s.consumerLag()).isEqualTo(1 + 3); // partition 0: 3 - 2; partition 1: 3 - 0
        assertThat(s.newestOnKafka()).isEqualTo(Instant.ofEpochMilli(newestAt));
        assertThat(s.newestArchived()).isEqualTo(Instant.ofEpochSecond(archivedAt));
        assertThat(s.ingestLagSeconds()).isBetween(30.0, 31.0);
        assertThat(s.job()).isNull();
        assertThat(s.problems()).singleElement().asString().startsWith("Flink: ");

        String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scraped).contains("inviteflow_pipeline_consumer_lag 4.0")
                .contains("inviteflow_pipeline_job_running NaN");
    }
}
