package io.inviteflow.testsupport;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a test topic from the beginning, as a downstream consumer would. */
public final class ActivityReader implements AutoCloseable {

    /** A message as it sat on the topic: key plus decoded value. */
    public record Message(String key, Activity activity) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final ActivityCodec codec = new ActivityCodec();
    private final List<Message> seen = new ArrayList<>();

    public ActivityReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until the messages seen so far satisfy {@code done}, or gives up after {@code timeout}. */
    public List<Message> readUntil(Predicate<List<Message>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(new Message(record.key(), codec.fromJson(record.value())));
            }
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
