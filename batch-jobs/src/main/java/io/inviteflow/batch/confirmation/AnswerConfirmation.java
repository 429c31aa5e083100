package io.inviteflow.batch.confirmation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of the core's {@code POST /api/v1/internal/answer-confirmations}; batch-jobs' own copy. */
record AnswerConfirmation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                          String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                          int plusOnes, String attendance, long answerVersion, String link) {
}
