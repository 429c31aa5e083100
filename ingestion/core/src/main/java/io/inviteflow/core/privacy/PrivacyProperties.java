package io.inviteflow.core.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param confirmationTtl          how long the mailed link works
 * @param requestsPerAddressPerDay requests one address may be mailed about in a day
 */
@ConfigurationProperties("inviteflow.privacy")
record PrivacyProperties(Duration confirmationTtl, int requestsPerAddressPerDay) {
}
