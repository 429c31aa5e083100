package io.inviteflow.core.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param batchSize    rows sent to Kafka per relay round
 * @param pollInterval how often the relay looks for rows written by other instances of the core
 * @param maxBackoff   the longest wait between attempts while Kafka is unreachable
 */
@ConfigurationProperties("inviteflow.outbox")
record OutboxProperties(int batchSize, Duration pollInterval, Duration maxBackoff) {
}
