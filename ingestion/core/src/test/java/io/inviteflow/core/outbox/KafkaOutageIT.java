package io.inviteflow.core.outbox;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.testsupport.ActivityReader;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.TestServers;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While Kafka is unreachable the core keeps accepting answers; the outbox keeps every activity; once a relay
 * reaches Kafka again, every one of them arrives.
 *
 * <p>The outage: the application's producer points at a port where no broker listens (the broker itself keeps
 * serving the rest of the test suite). Recovery: a relay over the same outbox table with a producer that reaches
 * the real broker — the same code path the application's relay takes when its broker comes back.
 */
@TestPropertySource(properties = {
        "spring.kafka.producer.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.admin.auto-create=false"})
class KafkaOutageIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutboxProperties properties;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void answersAreAcceptedDuringTheOutageAndDeliveredAfterIt() throws Exception {
        var api = new Api(port);
        String eventId;
        // the other test applications alive in this JVM relay the same table to the real broker: while this test
        // holds the relays' lock, none of them can, as if every core's broker were down
        try (java.sql.Connection lock = dataSource.getConnection()) {
            lock.createStatement().execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            String organizer = api.newOrganizerToken();
            eventId = api.newEvent(organizer, "Outage party");
            String token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                    "{\"guests\":[{\"name\":\"Patient guest\"}]}").json().at("/invitations/0/token").asText();
            List<Integer> statuses = List.of(
                    api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\"}").status(),
                    api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"NO\"}").status(),
                    api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":1}")
                            .status());

            assertThat(statuses).containsOnly(200);
            assertThat(outboxRows(eventId)).isEqualTo(4);
            lock.createStatement().execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
        }

        var recovered = new OutboxRelay(jdbc, tx, realBroker(), properties);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outboxRows(eventId) > 0 && System.nanoTime() < deadline) {
            recovered.relayOneBatch(); // returns 0 while the application's failing relay holds the lock
        }
        assertThat(outboxRows(eventId)).isZero();

        try (var reader = new ActivityReader(TOPIC)) {
            var mine = reader.readUntil(all -> all.stream().filter(m -> m.key().equals(eventId)).count() >= 4,
                    Duration.ofSeconds(30)).stream().filter(m -> m.key().equals(eventId)).toList();
            assertThat(mine).extracting(m -> m.activity().type()).containsExactly(ActivityType.INVITATION_CREATED,
                    ActivityType.RSVP_ANSWERED, ActivityType.RSVP_ANSWERED, ActivityType.RSVP_ANSWERED);
            assertThat(mine.stream().map(m -> m.activity().eventId()).collect(Collectors.toSet())).hasSize(4);
        }
    }

    private int outboxRows(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE message_key = ?", Integer.class, eventId);
    }

    private static KafkaTemplate<String, byte[]> realBroker() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer()));
    }
}
