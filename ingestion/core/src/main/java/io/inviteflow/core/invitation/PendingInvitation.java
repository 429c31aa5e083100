package io.inviteflow.core.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation with an email address whose guest has not answered, for an event still ahead.
 *
 * @param answerChance the chance the guest answers at all (the promoted model's), null without one
 */
record PendingInvitation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                         String timeZone, String guestName, String guestEmail, String link, Double answerChance) {

    PendingInvitation withAnswerChance(Double chance) {
        return new PendingInvitation(invitationId, partyEventId, eventTitle, startsAt, timeZone, guestName, guestEmail,
                link, chance);
    }
}
