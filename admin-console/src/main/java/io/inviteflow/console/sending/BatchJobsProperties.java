package io.inviteflow.console.sending;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where batch-jobs' HTTP API lives (previews, test mails, the history of runs).
 *
 * @param url         e.g. {@code http://127.0.0.1:8082}
 * @param readTimeout a test mail waits for the mail server's answer
 */
@ConfigurationProperties("inviteflow.batch")
public record BatchJobsProperties(URI url, @DefaultValue("2s") Duration connectTimeout,
                                  @DefaultValue("15s") Duration readTimeout) {
}
