package io.inviteflow.loadgen;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The raw ceiling: one plain Kafka consumer that decodes each activity's envelope and bulk-inserts it into an archive
 * table shaped like the job's {@code activity_log} (JSONEachRow, 20,000 rows per insert). No state, no metrics, no
 * checkpoints: the most this machine moves from Kafka into ClickHouse.
 */
final class RawArchiveConsumer {

    private static final int ROWS_PER_INSERT = 20_000;
    private final ObjectMapper json = new ObjectMapper();

    /** Reads {@code expected} records of {@code topic} from the start and inserts them into {@code table}. */
    void copy(String bootstrap, String topic, String group, ClickHouseQueries clickHouse, String table, long expected)
            throws IOException, InterruptedException {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            StringWriter rows = new StringWriter(ROWS_PER_INSERT * 400);
            JsonGenerator out = json.getFactory().createGenerator(rows);
            long copied = 0;
            int pending = 0;
            while (copied < expected) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    writeRow(out, json.readTree(r.value()));
                    pending++;
                    copied++;
                    if (pending == ROWS_PER_INSERT || copied == expected) {
                        out.flush();
                        clickHouse.insert(table, rows.toString());
                        rows.getBuffer().setLength(0);
                        pending = 0;
                    }
                }
            }
        }
    }

    private static void writeRow(JsonGenerator out, JsonNode a) throws IOException {
        Instant at = Instant.parse(a.path("occurredAt").asText());
        out.writeStartObject();
        out.writeStringField("event_id", a.path("eventId").asText());
        out.writeStringField("type", a.path("type").asText());
        out.writeStringField("aggregate_type", a.path("aggregateType").asText());
        out.writeStringField("aggregate_id", a.path("aggregateId").asText());
        out.writeStringField("party_event_id", a.path("partyEventId").asText());
        out.writeNumberField("occurred_at", at.getEpochSecond());
        out.writeNumberField("occurred_ms", at.getNano() / 1_000_000);
        out.writeStringField("payload", a.path("payload").toString());
        out.writeEndObject();
        out.writeRaw('\n');
    }
}
