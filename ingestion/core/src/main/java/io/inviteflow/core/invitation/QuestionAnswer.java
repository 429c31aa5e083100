package io.inviteflow.core.invitation;

import java.util.UUID;

/**
 * One answer to one of the event's questions.
 *
 * @param guest 0 for the guest, 1..n for their plus-ones
 */
record QuestionAnswer(UUID questionId, int guest, String value) {
}
