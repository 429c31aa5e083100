package io.inviteflow.batch.confirmation;

import java.util.UUID;

/** One guest's answer to confirm: the RSVP_ANSWERED activity it came from and the answer's version. */
record ConfirmationRequest(UUID activityId, UUID invitationId, UUID partyEventId, long answerVersion) {
}
