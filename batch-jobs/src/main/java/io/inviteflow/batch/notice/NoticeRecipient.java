package io.inviteflow.batch.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of the core's {@code GET /api/v1/internal/events/{id}/notice-recipients}; batch-jobs' own copy. */
record NoticeRecipient(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                       String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                       String link) {

    /** The guest's own .ics: the link's page, without its #fragment (the chat key, which never goes to a server). */
    String calendarUrl() {
        int fragment = link.indexOf('#');
        return (fragment < 0 ? link : link.substring(0, fragment)) + "/calendar.ics";
    }
}
