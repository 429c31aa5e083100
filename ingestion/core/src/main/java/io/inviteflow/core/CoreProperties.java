package io.inviteflow.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Settings of the core that several features share.
 *
 * @param publicUrl                where guests reach the core; invitation links start with it
 * @param activityTopic            the Kafka topic of the activity contract (tests use their own)
 * @param activityTopicPartitions  partitions when the core creates the topic
 */
@ConfigurationProperties("inviteflow")
public record CoreProperties(URI publicUrl, String activityTopic, int activityTopicPartitions) {
}
