package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;

import java.util.List;
import java.util.UUID;

/**
 * An invitation as its guest sees it. {@code response} is null until the guest answers.
 *
 * @param maxPlusOnes the organizer's cap for this guest, or null for the event's
 * @param attendance  for a YES: confirmed or waitlisted; null otherwise
 */
record GuestInvitation(UUID id, UUID partyEventId, String guestName, String message, Rsvp response, int plusOnes,
                       String note, long answerVersion, Integer maxPlusOnes, String theme, Attendance attendance,
                       List<QuestionAnswer> answers) {

    /** The same invitation with its sealed texts opened. */
    GuestInvitation withTexts(String name, String openedMessage, String openedNote) {
        return new GuestInvitation(id, partyEventId, name, openedMessage, response, plusOnes, openedNote, answerVersion,
                maxPlusOnes, theme, attendance, answers);
    }

    GuestInvitation withAnswers(List<QuestionAnswer> answers) {
        return new GuestInvitation(id, partyEventId, guestName, message, response, plusOnes, note, answerVersion,
                maxPlusOnes, theme, attendance, answers);
    }
}
