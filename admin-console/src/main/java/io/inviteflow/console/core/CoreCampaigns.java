package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The core's campaign API as the marketing page uses it. Errors as {@link CoreClient} throws them. */
@Component
public class CoreCampaigns {

    private final CoreClient core;

    public CoreCampaigns(CoreClient core) {
        this.core = core;
    }

    /**
     * @param answers    YES, NO, MAYBE, NONE (no answer yet); empty: any
     * @param checkedIn  null: either
     * @param waitlisted null: either
     * @param languages  e.g. de, en; empty: any
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Segment(List<UUID> eventIds, List<String> answers, Boolean openedNotAnswered, List<UUID> tierIds,
                          Boolean checkedIn, Boolean waitlisted, List<String> languages) {
    }

    /** A second version tried on part of the audience first; see the core's API description. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AbTest(String subjectB, String messageB, Integer testPercent, String winnerBy, String decideAfter) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(UUID id, String name, Segment segment, String subject, String message, List<String> channels,
                           String status, Instant sendAt, Instant sentAt, AbTest abTest, String winner,
                           Instant decideAt, java.time.LocalDateTime localTime, Repeat repeat, UUID seriesId,
                           int occurrence) {
    }

    /**
     * A campaign that goes again: {@code every} DAY, WEEK or MONTH until (and on) {@code until}, the times counted in
     * {@code timeZone} (a region, e.g. Europe/Berlin).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repeat(String every, java.time.LocalDate until, String timeZone) {
    }

    /** A campaign's results so far: people, not messages (see the core's API description). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Results(long audience, long sent, long opened, long clicked, long answered, long unsubscribed,
                          long bounced, List<Variant> variants) {
    }

    /** One version's share of an A/B test's results. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(String variant, long audience, long sent, long opened, long clicked, long answered,
                          long unsubscribed) {
    }

    public Results results(String token, UUID id) {
        return CoreClient.call(() -> core.rest().get().uri("/api/v1/campaigns/{id}/results", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Results.class));
    }

    public long audience(String token, Segment segment, List<String> channels) {
        Map<?, ?> answer = CoreClient.call(() -> core.rest().post().uri("/api/v1/campaigns/audience-count")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("segment", segment, "channels", channels)).retrieve().body(Map.class));
        return answer == null ? 0 : ((Number) answer.get("people")).longValue();
    }

    public List<Campaign> list(String token) {
        return CoreClient.call(() -> core.rest().get().uri("/api/v1/campaigns")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<Campaign>>() {
                }));
    }

    /**
     * @param perMinute at most so many people a minute; null: no limit
     * @param abTest    null: one version for everybody
     */
    public Campaign create(String token, String name, Segment segment, String subject, String message,
                           List<String> channels, Integer perMinute, AbTest abTest) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "segment", segment, "subject",
                subject, "message", message, "channels", channels));
        if (perMinute != null) {
            body.put("perMinute", perMinute);
        }
        if (abTest != null) {
            body.put("abTest", abTest);
        }
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/campaigns")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Campaign.class));
    }

    /**
     * @param sendAt    null: now (unless localTime)
     * @param localTime that time on each recipient's own clock; null: sendAt
     * @param repeat    null: once
     */
    public Campaign schedule(String token, UUID id, Instant sendAt, java.time.LocalDateTime localTime,
                             Repeat repeat) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (localTime != null) {
            body.put("localTime", localTime.toString());
        } else if (sendAt != null) {
            body.put("sendAt", sendAt.toString());
        }
        if (repeat != null) {
            body.put("repeat", Map.of("every", repeat.every(), "until", repeat.until().toString(), "timeZone",
                    repeat.timeZone()));
        }
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/campaigns/{id}/schedule", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Campaign.class));
    }

    /**
     * One thing on the marketing calendar (see the core's {@code GET /api/v1/calendar}).
     *
     * @param kind   EVENT, REMINDER or CAMPAIGN
     * @param status a campaign's (PLANNED: an occurrence of a repeating one, not made yet) or an event's; else null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarEntry(Instant at, java.time.LocalDateTime localTime, String kind, String title,
                                UUID eventId, UUID campaignId, String status, String detail) {
    }

    /** Everything the organizer's events and campaigns send with {@code from <= at < to} (at most 93 days). */
    public List<CalendarEntry> calendar(String token, Instant from, Instant to) {
        return CoreClient.call(() -> core.rest().get().uri(uri -> uri.path("/api/v1/calendar")
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<CalendarEntry>>() {
                }));
    }

    /** @param action {@code cancel}, {@code pause} or {@code resume} */
    public Campaign act(String token, UUID id, String action) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/campaigns/{id}/{action}", id, action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Campaign.class));
    }
}
