package io.inviteflow.core.invitation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chance that each of these invitations gets an answer at all, from the promoted model (forecast package);
 * empty while none is promoted. batch-jobs' reminders may leave out guests likely to answer anyway.
 */
public interface AnswerChances {

    Map<UUID, Double> of(List<UUID> invitationIds);
}
