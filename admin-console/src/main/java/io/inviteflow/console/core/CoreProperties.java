package io.inviteflow.console.core;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the core's HTTP API lives.
 *
 * @param url            base URL of the core, e.g. {@code http://127.0.0.1:8081}
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    time to wait for a response; the console's pages and API wait at most this long
 */
@ConfigurationProperties("inviteflow.core")
public record CoreProperties(
        URI url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {
}
