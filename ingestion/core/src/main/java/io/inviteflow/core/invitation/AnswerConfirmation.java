package io.inviteflow.core.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What batch-jobs needs to confirm a guest's answer by mail: the answer as it stands now (its version tells an old
 * answer's confirmation request from the latest one) and the guest's link.
 *
 * @param attendance CONFIRMED or WAITLISTED for a YES, else null
 */
record AnswerConfirmation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                          String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                          int plusOnes, String attendance, long answerVersion, String link) {
}
