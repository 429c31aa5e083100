package io.inviteflow.batch.confirmation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of the core's {@code POST /api/v1/internal/answer-confirmations}; batch-jobs' own copy. */
record AnswerConfirmation(UUID invitationId, UUID partyEventId, String eventTitle, OffsetDateTime startsAt,
                          String timeZone, boolean cancelled, String guestName, String guestEmail, String response,
                          int plusOnes, String attendance, long answerVersion, String link) {

    /** The guest's own .ics: the link's page without its #fragment (the chat key, which never goes to a server). */
    String calendarUrl() {
        int fragment = link.indexOf('#');
        return (fragment < 0 ? link : link.substring(0, fragment)) + "/calendar.ics";
    }
}
