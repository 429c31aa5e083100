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
 */
public record Campaign(UUID id, String name, Segment segment, String subject, String message, Set<String> channels,
                       Integer perMinute, Status status, Instant sendAt, Instant sentAt, Instant createdAt) {

    public enum Status { DRAFT, SCHEDULED, PAUSED, SENT, CANCELLED }
}
