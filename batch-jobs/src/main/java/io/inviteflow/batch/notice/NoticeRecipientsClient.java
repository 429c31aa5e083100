package io.inviteflow.batch.notice;

import io.inviteflow.batch.paging.KeysetPageReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.UUID;

/** Reads who to tell about a change of an event, a page at a time, from the core's internal API. */
@Component
class NoticeRecipientsClient {

    private final RestClient core;

    NoticeRecipientsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    KeysetPageReader.Page<NoticeRecipient> page(UUID eventId, UUID invitationId, UUID after, int limit) {
        return core.get()
                .uri(uri -> {
                    uri.path("/api/v1/internal/events/{eventId}/notice-recipients").queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    if (invitationId != null) {
                        uri.queryParam("invitationId", invitationId);
                    }
                    return uri.build(eventId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<KeysetPageReader.Page<NoticeRecipient>>() {
                });
    }
}
