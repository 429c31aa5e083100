package io.inviteflow.batch.retention;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The core's internal retention API: erase the next chunk of guests' data of events started before a moment. */
@Component
class RetentionClient {

    /** What one chunk erased: these invitations, and this many orders. Both empty: nothing is left. */
    record Chunk(List<UUID> invitationIds, int orders) {

        boolean isEmpty() {
            return invitationIds.isEmpty() && orders == 0;
        }
    }

    private final RestClient core;

    RetentionClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    Chunk eraseChunk(Instant startedBefore, int limit) {
        return core.post().uri("/api/v1/internal/retention/erasures").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("startedBefore", startedBefore.toString(), "limit", limit))
                .retrieve().body(Chunk.class);
    }
}
