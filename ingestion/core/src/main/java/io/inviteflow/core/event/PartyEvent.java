package io.inviteflow.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event guests are invited to (a birthday, a wedding, a conference). Called "party event" in code so it is
 * never confused with the activity events that flow through Kafka.
 *
 * @param startsAt in the event's own time zone
 */
public record PartyEvent(UUID id, UUID organizerId, String title, OffsetDateTime startsAt, String timeZone,
                         Venue venue, String onlineUrl, String template, Instant createdAt) {

    /** @param mapUrl a link that opens the venue on a map */
    public record Venue(String name, String address, Double lat, Double lon, String mapUrl) {
    }
}
