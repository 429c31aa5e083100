package io.inviteflow.batch.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of the core's {@code GET /api/v1/internal/events/{id}/notice-recipients}; batch-jobs' own copy. */
record NoticeRecipient(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                       String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                       String link, String note) {
}
