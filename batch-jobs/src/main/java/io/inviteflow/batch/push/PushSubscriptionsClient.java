package io.inviteflow.batch.push;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Tells the core about subscriptions their push service no longer knows (404/410), so nobody sends to them again. */
@Component
public class PushSubscriptionsClient {

    private final RestClient core;

    PushSubscriptionsClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    public void forget(String endpoint) {
        core.delete()
                .uri(uri -> uri.path("/api/v1/internal/push-subscriptions").queryParam("endpoint", endpoint).build())
                .retrieve()
                .toBodilessEntity();
    }
}
