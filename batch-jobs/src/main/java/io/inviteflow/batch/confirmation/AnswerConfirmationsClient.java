package io.inviteflow.batch.confirmation;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Asks the core for the current answers of a chunk's invitations, in one call. */
@Component
class AnswerConfirmationsClient {

    private final RestClient core;

    AnswerConfirmationsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    List<AnswerConfirmation> current(List<UUID> invitationIds) {
        return core.post()
                .uri("/api/v1/internal/answer-confirmations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("invitationIds", invitationIds))
                .retrieve()
                .body(new ParameterizedTypeReference<List<AnswerConfirmation>>() {
                });
    }
}
