package io.inviteflow.streaming.records;

import io.inviteflow.contract.Payloads;

/**
 * What the job remembers about one invitation: enough to tell whether a new activity changes any figure.
 *
 * @param created       an {@code INVITATION_CREATED} was seen
 * @param opened        at least one {@code INVITATION_OPENED} was seen
 * @param response      the latest answer ({@code null} while unanswered)
 * @param plusOnes      the latest answer's extra guests
 * @param answerVersion the latest answer's version (meaningful only when {@code response != null})
 */
public record InvitationState(boolean created, boolean opened, Payloads.Rsvp response, int plusOnes,
                              long answerVersion) {

    /** An invitation nothing is known about yet. */
    public static final InvitationState EMPTY = new InvitationState(false, false, null, 0, 0);

    public boolean answered() {
        return response != null;
    }
}
