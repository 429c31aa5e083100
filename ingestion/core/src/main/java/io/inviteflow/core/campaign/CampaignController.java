package io.inviteflow.core.campaign;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Marketing: campaigns to segments of the organizer's guests. */
@RestController
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignTracking tracking;

    CampaignController(Campaigns campaigns, CampaignTracking tracking) {
        this.campaigns = campaigns;
        this.tracking = tracking;
    }

    record Count(Segment segment, List<String> channels) {
    }

    @PostMapping("/api/v1/campaigns/audience-count")
    @Operation(summary = "How many people a segment reaches on these channels (one per email address; opted-out "
            + "people, withdrawn invitations and the unreachable not counted)")
    Map<String, Long> count(AuthenticatedOrganizer organizer, @RequestBody Count request) {
        return Map.of("people", campaigns.count(organizer.id(), request.segment(), request.channels()));
    }

    @PostMapping("/api/v1/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A draft: name, segment {eventIds, answers: [YES|NO|MAYBE|NONE], openedNotAnswered, tierIds, "
            + "checkedIn, waitlisted, languages: [de|en|…]}, subject "
            + "and message with merge fields {firstName} {name} {eventTitle} {link}, channels [EMAIL, PUSH, SMS], "
            + "optionally perMinute (at most so many people a minute) and abTest {subjectB, messageB, testPercent "
            + "(10-50), winnerBy (OPENED|CLICKED|ANSWERED), decideAfter (ISO-8601, PT30M-P7D)}")
    Campaign create(AuthenticatedOrganizer organizer, @RequestBody Campaigns.Draft draft) {
        return campaigns.create(organizer.id(), draft);
    }

    @GetMapping("/api/v1/campaigns")
    List<Campaign> list(AuthenticatedOrganizer organizer) {
        return campaigns.list(organizer.id());
    }

    @GetMapping("/api/v1/campaigns/{id}")
    Campaign one(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return campaigns.find(organizer.id(), id).orElseThrow(() -> Problems.notFound("campaign", id));
    }

    @GetMapping("/api/v1/campaigns/{id}/results")
    @Operation(summary = "So far: audience (fixed when it starts going out), sent, opened (pixel shown or link "
            + "followed), clicked, answered and unsubscribed after it reached them — people, not messages; per "
            + "version (variants) for an A/B test")
    CampaignTracking.Results results(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        Campaign campaign = campaigns.find(organizer.id(), id).orElseThrow(() -> Problems.notFound("campaign", id));
        return tracking.results(id, campaign.abTest() != null);
    }

    /**
     * @param localTime e.g. {@code 2027-03-01T09:00}: that time on each recipient's own clock
     * @param repeat    {every: DAY|WEEK|MONTH, until: date, timeZone: region}, or null
     */
    record Schedule(Instant sendAt, java.time.LocalDateTime localTime, Repeat repeat) {
    }

    @PostMapping("/api/v1/campaigns/{id}/schedule")
    @Operation(summary = "Send at sendAt (now when absent), or at localTime (e.g. 2027-03-01T09:00) in each "
            + "recipient's own time zone (their browser's, else the event's); a scheduled campaign may be moved "
            + "until it goes. repeat {every: DAY|WEEK|MONTH, until: 2027-06-30, timeZone: Europe/Berlin} makes it "
            + "the first of a series: after each occurrence was sent the next is scheduled as a campaign of its own "
            + "(times counted from the first, in timeZone; cancel an occurrence to end the series); without repeat "
            + "nothing follows it")
    Campaign schedule(AuthenticatedOrganizer organizer, @PathVariable UUID id, @RequestBody(required = false)
            Schedule schedule) {
        return campaigns.schedule(organizer.id(), id, schedule == null ? null : schedule.sendAt(),
                schedule == null ? null : schedule.localTime(), schedule == null ? null : schedule.repeat());
    }

    @PostMapping("/api/v1/campaigns/{id}/cancel")
    Campaign cancel(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return campaigns.cancel(organizer.id(), id);
    }

    @PostMapping("/api/v1/campaigns/{id}/pause")
    @Operation(summary = "Hold a scheduled campaign; one being sent stops after the chunk in hand")
    Campaign pause(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return campaigns.pause(organizer.id(), id);
    }

    @PostMapping("/api/v1/campaigns/{id}/resume")
    @Operation(summary = "Go on with a paused campaign: whoever already got it does not get it again")
    Campaign resume(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return campaigns.resume(organizer.id(), id);
    }
}
