package io.inviteflow.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event guests are invited to (a birthday, a wedding, a conference). Called "party event" in code so it is
 * never confused with the activity events that flow through Kafka.
 *
 * @param startsAt       in the event's own time zone
 * @param endsAt         in the event's own time zone
 * @param onlineUrl      the link guests join by, for online and hybrid events
 * @param onlinePlatform the service behind {@code onlineUrl}, recognised from the link
 * @param recurrence     an RFC 5545 RRULE for a series, or null
 * @param capacity       the headcount (guests and plus-ones) that may be confirmed; null: no limit
 * @param rsvpDeadline   answers are taken until then; null: until the event starts
 * @param maxPlusOnes    how many people each guest may bring, unless their invitation says otherwise
 * @param sequence       the iCalendar SEQUENCE: grows with each change guests' calendars must pick up
 * @param source         for an imported event, where it came from ({@code eventbrite:123}); null otherwise
 */
public record PartyEvent(UUID id, UUID organizerId, String title, String description, OffsetDateTime startsAt,
                         OffsetDateTime endsAt, String timeZone, Venue venue, String onlineUrl,
                         OnlinePlatform onlinePlatform, String recurrence, Integer capacity,
                         OffsetDateTime rsvpDeadline, boolean allowMaybe, int maxPlusOnes, String template,
                         String theme, Status status, int sequence, String source, Instant createdAt) {

    public enum Status { SCHEDULED, CANCELLED }

    /** @param mapUrl a link that opens the venue on a map */
    public record Venue(String name, String address, Double lat, Double lon, String mapUrl) {
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    /** The same event after a change guests must hear of: calendars replace their copy when SEQUENCE grows. */
    PartyEvent nextSequence() {
        return withStatusAndSequence(status, sequence + 1);
    }

    /** The same event, cancelled (a change guests hear of, so the SEQUENCE grows too). */
    PartyEvent cancel() {
        return withStatusAndSequence(Status.CANCELLED, sequence + 1);
    }

    private PartyEvent withStatusAndSequence(Status newStatus, int newSequence) {
        return new PartyEvent(id, organizerId, title, description, startsAt, endsAt, timeZone, venue, onlineUrl,
                onlinePlatform, recurrence, capacity, rsvpDeadline, allowMaybe, maxPlusOnes, template, theme, newStatus,
                newSequence, source, createdAt);
    }
}
