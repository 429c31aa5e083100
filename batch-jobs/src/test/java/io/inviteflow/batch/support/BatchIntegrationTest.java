package io.inviteflow.batch.support;

import io.inviteflow.testsupport.IsolatedStores;
import io.inviteflow.testsupport.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Base of batch-jobs' integration tests: the real application on a random port against the real PostgreSQL (own
 * schema per test JVM), Kafka (own topic), GreenMail SMTP/IMAP, and the real core as a separate process
 * ({@link CoreServer}). All test classes share one Spring context and one core.
 * <p>
 * The cron trigger is pushed to 2099 so the scheduler never fires on its own during tests; Quartz tests schedule
 * their own one-shot triggers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(CoreServer.Extension.class)
@Import(BatchIntegrationTest.Mail.class)
public abstract class BatchIntegrationTest {

    public static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public static final String TOPIC = "inviteflow.activity.batch-test-" + RUN;

    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) {
        new IsolatedStores("batch_test_" + RUN, TOPIC).springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("inviteflow.core.url", () -> CoreServer.shared().url());
        registry.add("inviteflow.reminders.cron", () -> "0 0 0 1 1 ? 2099");
        // the tests invite and remind at once
        registry.add("inviteflow.reminders.unanswered-after", () -> "0s");
        registry.add("inviteflow.schedules.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("inviteflow.campaigns.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("inviteflow.sms.base-url", () -> CoreServer.TWILIO.baseUrl());
        registry.add("inviteflow.sms.account-sid", () -> CoreServer.TWILIO_ACCOUNT);
        registry.add("inviteflow.sms.auth-token", () -> CoreServer.TWILIO_TOKEN);
        registry.add("inviteflow.sms.from", () -> "+15005550006");
        registry.add("inviteflow.sms.status-callback", () -> CoreServer.shared().url() + "/webhooks/sms-status");
        registry.add("inviteflow.ml.retrain-cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("inviteflow.ml.models-dir", CoreServer.MODELS_DIR::toString);
        registry.add("inviteflow.ml.retrain-command", () -> String.join(",", RecommenderJob.onMovieLens()));
        // small chunks and pages, so a handful of guests spans several of each
        registry.add("inviteflow.reminders.chunk-size", () -> "2");
        registry.add("inviteflow.reminders.page-size", () -> "3");
        registry.add("inviteflow.campaigns.chunk-size", () -> "2");
        registry.add("inviteflow.campaigns.page-size", () -> "3");
    }

    @BeforeEach
    void coreIsUp() {
        CoreServer.shared().awaitHealthy();
    }

    /**
     * Waits until the activity consumer ("event-notices") has its partitions: its group starts at the topic's end, so
     * a test that acts before that would have its activities missed.
     */
    protected static void awaitActivityConsumer(KafkaListenerEndpointRegistry listeners) {
        var container = listeners.getListenerContainer("event-notices");
        await().atMost(Duration.ofSeconds(60)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
    }

    protected static CoreApi coreApi() {
        return new CoreApi(CoreServer.shared().port());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Mail {
        @Bean
        TestMailSender testMailSender() {
            return new TestMailSender(TestServers.smtpHost(), TestServers.smtpPort());
        }
    }
}
