package io.inviteflow.streaming;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits until the activity topic exists. The topic belongs to its producer (the core creates it with its partition
 * count), so the job never creates it; without this wait the Kafka source fails on a missing topic and Flink restarts
 * the job in a loop of logged failures until the core is up.
 */
final class KafkaTopicWait {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicWait.class);
    private static final Duration POLL = Duration.ofSeconds(5);

    private KafkaTopicWait() {
    }

    static void awaitTopic(String bootstrap, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            boolean logged = false;
            while (!exists(admin, topic)) {
                if (!logged) {
                    LOG.info("waiting for topic {} on {} (it is created by its producer)", topic, bootstrap);
                    logged = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static boolean exists(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.listTopics().names().get(POLL.toMillis(), TimeUnit.MILLISECONDS).contains(topic);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("cannot list Kafka topics yet: {}", e.getMessage());
            return false;
        }
    }
}
