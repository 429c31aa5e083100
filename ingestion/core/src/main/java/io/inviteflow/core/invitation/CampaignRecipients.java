package io.inviteflow.core.invitation;

import java.util.UUID;

/**
 * Whether a guest is one of a campaign's recipients, so an open is credited to a campaign only when it reached them.
 * Answered by the campaign feature; declared here so invitations need not know campaigns.
 */
public interface CampaignRecipients {

    boolean includes(UUID campaignId, UUID invitationId);
}
