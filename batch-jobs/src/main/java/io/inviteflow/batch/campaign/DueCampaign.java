package io.inviteflow.batch.campaign;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A scheduled campaign whose time has come, with the text its merge fields fill in per person.
 *
 * @param round     how often it was resumed after a pause: each round is a run of its own
 * @param perMinute at most this many people a minute, or null
 */
public record DueCampaign(UUID id, String subject, String message, Set<String> channels, Instant sendAt,
                          int round, Integer perMinute) {
}
