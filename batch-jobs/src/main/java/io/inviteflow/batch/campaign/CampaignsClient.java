package io.inviteflow.batch.campaign;

import io.inviteflow.batch.paging.KeysetPageReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The core's campaign API for the sender: what is due, its recipients (keyset by invitation id), marking it sent. */
@Component
public class CampaignsClient {

    private final RestClient core;

    CampaignsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    public List<DueCampaign> due(Instant at) {
        return core.get().uri(uri -> uri.path("/api/v1/internal/due-campaigns").queryParam("at", at).build())
                .retrieve().body(new ParameterizedTypeReference<List<DueCampaign>>() {
                });
    }

    public DueCampaign campaign(UUID id) {
        return core.get().uri("/api/v1/internal/campaigns/{id}", id).retrieve().body(DueCampaign.class);
    }

    /** The next page, or none once the campaign was cancelled or sent. */
    public KeysetPageReader.Page<CampaignRecipient> recipients(UUID campaignId, UUID after, int limit, long wave) {
        return core.get()
                .uri(uri -> {
                    uri.path("/api/v1/internal/campaigns/{id}/recipients").queryParam("limit", limit)
                            .queryParam("wave", wave);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    return uri.build(campaignId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<KeysetPageReader.Page<CampaignRecipient>>() {
                });
    }

    /** These recipients' messages were handed over (to the mail server, or to a push service). */
    public void delivered(UUID campaignId, List<UUID> invitationIds) {
        if (!invitationIds.isEmpty()) {
            core.post().uri("/api/v1/internal/campaigns/{id}/delivered", campaignId)
                    .body(java.util.Map.of("invitationIds", invitationIds)).retrieve().toBodilessEntity();
        }
    }

    /**
     * Marks the campaign sent if {@code round} is still its round (a resumed campaign is a round of its own) and, in
     * its recipients' own time, nobody's time is later than {@code wave}'s.
     */
    public void sent(UUID campaignId, long round, long wave) {
        core.post().uri(uri -> uri.path("/api/v1/internal/campaigns/{id}/sent").queryParam("round", round)
                .queryParam("wave", wave).build(campaignId)).retrieve().toBodilessEntity();
    }
}
