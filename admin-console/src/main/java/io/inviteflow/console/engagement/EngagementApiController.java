package io.inviteflow.console.engagement;

import io.inviteflow.console.core.CoreClient;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events/{id}/engagement}: the latest figures of one event for a caller holding the core's
 * bearer token. The core decides who may see the event: this endpoint asks the core's
 * {@code GET /api/v1/events/{id}} with the same token and passes its 401/404 through. No Vaadin session, no CSRF.
 *
 * <p>Order of checks: missing token (401), malformed id (400), core (401/404), ClickHouse. An invalid token with a
 * malformed id therefore gets 400: the core cannot be asked about a non-UUID.
 */
@RestController
class EngagementApiController {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CoreClient core;
    private final EngagementStore store;

    EngagementApiController(CoreClient core, EngagementStore store) {
        this.core = core;
        this.store = store;
    }

    @Operation(summary = "The event's live figures: invited, opened, yes, no, maybe, headcount, and when the streaming "
            + "job last changed them (null before it has counted anything)")
    @GetMapping("/api/v1/events/{id}/engagement")
    Engagement engagement(@PathVariable String id,
                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return store.current(visibleEvent(id, authorization));
    }

    /** Every counter of the event (definitions: streaming-jobs/README.md), the per-minute series aside. */
    @Operation(summary = "Every counter of the event (funnel, answers, time-to-open and time-to-answer histograms, "
            + "opens and answers by channel and hour of the week, sales, social) as metric, dimension, value; "
            + "definitions in streaming-jobs/README.md")
    @GetMapping("/api/v1/events/{id}/metrics")
    EventMetrics metrics(@PathVariable String id,
                         @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return store.metrics(visibleEvent(id, authorization));
    }

    /** The same counters as CSV ({@code metric,dimension,value}), for spreadsheets. */
    @Operation(summary = "The same counters as CSV (metric,dimension,value)")
    @GetMapping(value = "/api/v1/events/{id}/metrics.csv", produces = "text/csv")
    ResponseEntity<String> metricsCsv(@PathVariable String id,
                                      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                      String authorization) {
        EventMetrics metrics = metrics(id, authorization);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"event-" + id + "-metrics.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(MetricsCsv.of(metrics));
    }

    /** The event's id once the core has said the caller may see it (401/400/404 otherwise, in that order). */
    private UUID visibleEvent(String id, String authorization) {
        String token = bearerToken(authorization);
        UUID eventId = parseId(id);
        core.event(token, eventId); // throws Unauthorized / NotFound / Unavailable, mapped in EngagementApiErrors
        return eventId;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw EngagementApiErrors.unauthorized("A bearer token issued by the Inviteflow core is required.");
        }
        return authorization.substring(7).trim();
    }

    /** Strict: {@link UUID#fromString} also accepts forms like {@code 1-2-3-4-5}. */
    private static UUID parseId(String id) {
        if (!CANONICAL_UUID.matcher(id).matches()) {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            e.getBody().setTitle("Invalid event id");
            e.getBody().setDetail("The event id must be a UUID.");
            throw e;
        }
        return UUID.fromString(id);
    }
}
