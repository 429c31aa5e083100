package io.inviteflow.batch.scheduled;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;

/** Reads the core's due reminders of a time window, page by page (keyset: rule, then invitation). */
@Component
public class DueRemindersClient {

    /** @param next where the following page starts ({@code <rule>:<invitation>}); null on the last page */
    public record Page(List<DueReminder> items, String next) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    private final RestClient core;

    DueRemindersClient(@Qualifier("coreRestClient") RestClient core) {
        this.core = core;
    }

    public Page page(Instant from, Instant to, String after, int limit) {
        return core.get()
                .uri(uri -> {
                    uri.path("/api/v1/internal/due-reminders").queryParam("from", from).queryParam("to", to)
                            .queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    return uri.build();
                })
                .retrieve()
                .body(Page.class);
    }
}
