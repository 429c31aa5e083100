package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An event's reminder schedule in the core: read it, replace it. Errors as {@link CoreClient} throws them. */
@Component
public class CoreReminders {

    private final CoreClient core;

    public CoreReminders(CoreClient core) {
        this.core = core;
    }

    /**
     * @param kind     BEFORE_EVENT, UNOPENED or MAYBE_BEFORE_DEADLINE
     * @param offset   ISO-8601 duration, e.g. {@code PT24H}
     * @param channels EMAIL and/or PUSH
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(UUID id, String kind, String offset, List<String> channels) {
    }

    public List<Rule> rules(String token, UUID eventId) {
        return CoreClient.call(() -> core.rest().get().uri("/api/v1/events/{id}/reminder-rules", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<Rule>>() {
                }));
    }

    public List<Rule> replace(String token, UUID eventId, List<Rule> rules) {
        List<Map<String, Object>> body = rules.stream().map(r -> Map.<String, Object>of("kind", r.kind(),
                "offset", r.offset(), "channels", r.channels())).toList();
        return CoreClient.call(() -> core.rest().put().uri("/api/v1/events/{id}/reminder-rules", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(new ParameterizedTypeReference<List<Rule>>() {
                }));
    }
}
