package io.inviteflow.core.campaign;

import io.inviteflow.core.push.PushTargets;

import java.util.List;
import java.util.UUID;

/**
 * One person a campaign reaches (one per email address, through their invitation to the latest of the segment's
 * events; a guest without an address is reached by push alone).
 *
 * @param link the guest's invitation page (for {@code {link}})
 */
public record CampaignRecipient(UUID invitationId, UUID eventId, String eventTitle, String guestName,
                                String guestEmail, String link, List<PushTargets.PushTarget> push) {

    CampaignRecipient withPush(List<PushTargets.PushTarget> targets) {
        return new CampaignRecipient(invitationId, eventId, eventTitle, guestName, guestEmail, link,
                List.copyOf(targets));
    }
}
