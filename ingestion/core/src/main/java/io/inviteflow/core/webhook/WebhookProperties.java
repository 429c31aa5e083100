package io.inviteflow.core.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval   how often due deliveries are looked for
 * @param firstRetry     the wait after the first failure; each further failure doubles it
 * @param maxAttempts    after this many failures a delivery is given up (FAILED) and shown as such
 * @param requestTimeout how long a receiver may take to answer
 */
@ConfigurationProperties("inviteflow.webhooks")
public record WebhookProperties(Duration pollInterval, Duration firstRetry, int maxAttempts, Duration requestTimeout) {
}
