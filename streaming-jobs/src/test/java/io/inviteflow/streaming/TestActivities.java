package io.inviteflow.streaming;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.records.ActivityDetails;
import io.inviteflow.streaming.records.ActivityEvent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Test-data builders for {@link ActivityEvent}s, the one place tests make activities. */
public final class TestActivities {

    public static final String EVENT = "party-1";
    public static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z, on a minute boundary + 20 s

    private TestActivities() {
    }

    public static ActivityEvent created(String invitation, long atMs) {
        return of(UUID.randomUUID().toString(), ActivityType.INVITATION_CREATED, invitation, atMs,
                "{\"organizerId\":null,\"theme\":\"birthday\",\"channel\":\"link\"}", null, 0, 0);
    }

    public static ActivityEvent opened(String invitation, long atMs) {
        return of(UUID.randomUUID().toString(), ActivityType.INVITATION_OPENED, invitation, atMs,
                "{\"client\":\"mobile\"}", null, 0, 0);
    }

    public static ActivityEvent answered(String invitation, long atMs, Payloads.Rsvp response, int plusOnes,
                                         long version) {
        return of(UUID.randomUUID().toString(), ActivityType.RSVP_ANSWERED, invitation, atMs,
                "{\"response\":\"" + response + "\",\"plusOnes\":" + plusOnes + ",\"answerVersion\":" + version + "}",
                response, plusOnes, version);
    }

    public static ActivityEvent reminder(String invitation, long atMs) {
        return of(UUID.randomUUID().toString(), ActivityType.REMINDER_SENT, invitation, atMs,
                "{\"reminderKind\":\"unanswered\",\"channel\":\"email\"}", null, 0, 0);
    }

    public static ActivityEvent createdBy(String invitation, long atMs, String organizer, String theme,
                                          String referredBy) {
        return created(invitation, atMs).withDetails(ActivityDetails.created(organizer, theme, referredBy));
    }

    /** An open through a message's link: {@code via} its channel, {@code campaign} the campaign's id or null. */
    public static ActivityEvent openedVia(String invitation, long atMs, String via, String campaign) {
        return opened(invitation, atMs).withDetails(ActivityDetails.channel(via, campaign));
    }

    /** A campaign message's activity ({@code REMINDER_SENT}, {@code MESSAGE_*}) on {@code channel}. */
    public static ActivityEvent message(ActivityType type, String invitation, long atMs, String campaign,
                                        String channel) {
        return of(UUID.randomUUID().toString(), type, invitation, atMs, "{}", null, 0, 0)
                .withDetails(ActivityDetails.channel(channel, campaign));
    }

    /** An activity of another aggregate (order, ticket, campaign) with its details. */
    public static ActivityEvent of(ActivityType type, String aggregateType, String aggregateId, long atMs,
                                   ActivityDetails details) {
        return new ActivityEvent(UUID.randomUUID().toString(), type, aggregateType, aggregateId, EVENT, atMs, "{}".getBytes(StandardCharsets.UTF_8),
                null, 0, 0, details);
    }

    private static ActivityEvent of(String eventId, ActivityType type, String invitation, long atMs, String payload,
                                    Payloads.Rsvp response, int plusOnes, long version) {
        return new ActivityEvent(eventId, type, "invitation", invitation, EVENT, atMs, payload.getBytes(StandardCharsets.UTF_8), response, plusOnes,
                version);
    }
}
