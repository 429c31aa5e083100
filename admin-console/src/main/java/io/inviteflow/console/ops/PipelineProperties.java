package io.inviteflow.console.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the streaming pipeline's health is read from.
 *
 * @param kafkaBootstrap  the Kafka cluster of the activity topic
 * @param topic           the activity topic
 * @param group           the engagement job's consumer group (it commits its offsets at every checkpoint)
 * @param flinkRestUrl    the Flink REST API running the job (the local MiniCluster's, or the cluster's JobManager)
 * @param refreshInterval how often the figures are read again for the page and for Prometheus
 */
@ConfigurationProperties("inviteflow.pipeline")
public record PipelineProperties(String kafkaBootstrap, String topic, String group, String flinkRestUrl,
                                 Duration refreshInterval) {
}
