package io.inviteflow.batch.campaign;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A scheduled campaign whose time has come, with the text its merge fields fill in per person.
 *
 * @param round     how often it was resumed after a pause or had its A/B test decided: each round is a run of its own
 * @param perMinute at most this many people a minute, or null
 * @param subjectB  version B of an A/B test (for recipients of variant B), else null
 * @param wave      for a campaign in its recipients' own time, the quarter hour since the first zone reached its
 *                  time: each is a run of its own, to whoever's clock has reached it since; else 0
 */
public record DueCampaign(UUID id, String subject, String message, Set<String> channels, Instant sendAt,
                          int round, Integer perMinute, String subjectB, String messageB, int wave) {

    /** The version a recipient of {@code variant} gets. */
    DueCampaign version(String variant) {
        return "B".equals(variant) && subjectB != null
                ? new DueCampaign(id, subjectB, messageB, channels, sendAt, round, perMinute, null, null, wave) : this;
    }
}
