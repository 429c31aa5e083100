package io.inviteflow.core.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation with an email address whose guest has not answered, for an event still ahead. */
record PendingInvitation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                         String timeZone, String guestName, String guestEmail, String link) {
}
