package io.inviteflow.batch.reminder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.UUID;

/** Reads pages of the core's pending invitations (keyset paging by invitation id). */
@Component
public class PendingInvitationsClient {

    /** A page as the core sends it; {@code next} is null on the last page. */
    public record Page(List<PendingInvitation> items, UUID next) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    private final RestClient core;

    PendingInvitationsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    /**
     * @param after   the last invitation id already handled, or null to start at the beginning
     * @param eventId only this party event's invitations, or null for all
     * @param invitedBefore only invitations made before this moment, or null for all
     * @param limit   page size, 1 to 1000
     */
    public Page page(UUID after, UUID eventId, java.time.Instant invitedBefore, int limit) {
        return core.get()
                .uri(uri -> {
                    uri.path("/api/v1/internal/pending-invitations").queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    if (eventId != null) {
                        uri.queryParam("eventId", eventId);
                    }
                    if (invitedBefore != null) {
                        uri.queryParam("invitedBefore", invitedBefore);
                    }
                    return uri.build();
                })
                .retrieve()
                .body(Page.class);
    }
}
