package io.inviteflow.core.support;

import io.inviteflow.testsupport.IsolatedStores;
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

    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) {
        new IsolatedStores("core_test_" + RUN, TOPIC).springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("inviteflow.media.directory", () -> "target/test-media-" + RUN);
    }
}
