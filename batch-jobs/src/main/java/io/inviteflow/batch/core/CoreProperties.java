package io.inviteflow.batch.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How batch-jobs reaches the core's service API.
 *
 * @param url            base URL of the core, e.g. {@code http://127.0.0.1:8081}
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    time to wait for one page
 */
@ConfigurationProperties("inviteflow.core")
public record CoreProperties(URI url, Duration connectTimeout, Duration readTimeout) {
}
