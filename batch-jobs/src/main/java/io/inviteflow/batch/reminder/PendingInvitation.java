package io.inviteflow.batch.reminder;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One item of the core's {@code GET /api/v1/internal/pending-invitations}: an unanswered invitation with an email
 * address, for an event still ahead. batch-jobs' own copy of the wire format, never the core's class.
 *
 * @param answerChance the chance the guest answers at all, from the promoted model; null without one
 */
public record PendingInvitation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                                String timeZone, String guestName, String guestEmail, String link,
                                Double answerChance) {
}
