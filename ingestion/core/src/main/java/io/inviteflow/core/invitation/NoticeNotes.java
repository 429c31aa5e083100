package io.inviteflow.core.invitation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What another feature adds to the notice a guest gets about a change of their event (the ticket sale: the refund
 * window a reschedule opens). The invitation feature knows none of them: it asks every implementation.
 */
public interface NoticeNotes {

    /** A note (English) per invitation that has one, among the given invitations of the event. */
    Map<UUID, String> notes(UUID eventId, List<UUID> invitationIds);
}
