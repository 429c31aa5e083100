package io.inviteflow.core.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param hold             how long an unpaid order holds its tickets
 * @param expiryCheckEvery how often expired holds are looked for
 */
@ConfigurationProperties("inviteflow.tickets")
record TicketsProperties(Duration hold, Duration expiryCheckEvery) {
}
