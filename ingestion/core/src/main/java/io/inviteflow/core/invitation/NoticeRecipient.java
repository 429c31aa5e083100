package io.inviteflow.core.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A guest to tell about a change of their event: one with an email address who has not declined (or the one guest
 * a waitlist promotion concerns).
 *
 * @param response null when the guest has not answered
 * @param note     what other features add for this guest (see {@link NoticeNotes}), or null
 */
record NoticeRecipient(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                       String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                       String link, String note) {

    NoticeRecipient withNote(String added) {
        return new NoticeRecipient(invitationId, partyEventId, eventTitle, startsAt, timeZone, cancelled, guestName,
                guestEmail, response, link, note == null ? added : note + "\n\n" + added);
    }
}
