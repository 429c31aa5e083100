package io.inviteflow.core.campaign;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A message to a segment: written once with merge fields ({@code {firstName}}, {@code {name}}, {@code {eventTitle}},
 * {@code {link}}), sent once per recipient and channel by batch-jobs at {@code sendAt}. Paused, it stops after the
 * chunk in hand; resumed, it goes on with whoever has not got it yet.
 *
 * @param perMinute at most this many people a minute; null: as fast as they can be sent
 * @param abTest    a second version tried on part of the audience first, or null
 * @param winner    {@code A} or {@code B} once the test decided, else null
 * @param decideAt  when the test's winner is picked (status {@code TESTING}), else null
 * @param localTime the wall-clock time it reaches each recipient at, in their own time zone ({@code sendAt} is then
 *                  the moment the first time zone on Earth reaches it); null: everybody at {@code sendAt}
 * @param repeat     when it goes again after this occurrence, or null
 * @param seriesId   the first occurrence of its series, or null when it never repeated
 * @param occurrence its number in the series (1 when it does not repeat)
 */
public record Campaign(UUID id, String name, Segment segment, String subject, String message, Set<String> channels,
                       Integer perMinute, Status status, Instant sendAt, Instant sentAt, Instant createdAt,
                       AbTest abTest, String winner, Instant decideAt, java.time.LocalDateTime localTime,
                       Repeat repeat, UUID seriesId, int occurrence) {

    /** {@code TESTING}: an A/B test's share was sent and its winner is not picked yet. */
    public enum Status { DRAFT, SCHEDULED, TESTING, PAUSED, SENT, CANCELLED }
}
