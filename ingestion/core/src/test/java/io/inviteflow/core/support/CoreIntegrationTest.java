package io.inviteflow.core.support;

import io.inviteflow.testsupport.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the core's integration tests: the real application on a random port, against the real PostgreSQL and
 * Kafka that {@code ./inviteflow test} starts. Each test JVM gets its own PostgreSQL schema and Kafka topic, so runs
 * never see each other's data (or a running demo's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CoreIntegrationTest {

    public static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public static final String TOPIC = "inviteflow.activity.test-" + RUN;
    private static final String SCHEMA = "core_test_" + RUN;

    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestServers.postgresUrl() + "?currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
        registry.add("spring.kafka.bootstrap-servers", TestServers::kafkaBootstrap);
        registry.add("inviteflow.activity-topic", () -> TOPIC);
        registry.add("server.address", () -> "127.0.0.1");
    }
}
