package io.inviteflow.console.core;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * An event as the core's {@code GET /api/v1/events[/{id}]} returns it (wire contract, not a persistence class).
 *
 * @param venue     null for online-only events
 * @param onlineUrl null for events without an online part
 * @param template  the invitation template name, or null
 */
public record CoreEvent(
        UUID id,
        String title,
        OffsetDateTime startsAt,
        String timeZone,
        Venue venue,
        String onlineUrl,
        String template,
        Integer capacity,
        String status) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public record Venue(String name, String address, Double lat, Double lon) {
    }

    /** The event's own zone; falls back to the offset the core sent when the zone id is missing or unknown. */
    public ZoneId zone() {
        if (timeZone != null) {
            try {
                return ZoneId.of(timeZone);
            } catch (DateTimeException unknownZone) {
                // fall through: an offset is still correct for the start time itself
            }
        }
        return startsAt != null ? startsAt.getOffset() : ZoneId.of("UTC");
    }

    /** The start in the event's time zone (the wall clock the guests see). */
    public ZonedDateTime localStart() {
        return startsAt == null ? null : startsAt.atZoneSameInstant(zone());
    }
}
