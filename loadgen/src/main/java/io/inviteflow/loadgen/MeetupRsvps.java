package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The public Meetup RSVP stream sample (../shared/data/meetup-rsvps-2017.jsonl), read as it is.
 * One line = one answer of one member to one Meetup event; a member who changes their mind appears again.
 */
final class MeetupRsvps {

    /** One line of the file, with the fields the demo uses. */
    record Rsvp(long rsvpId, long mtime, String response, int guests, long memberId, String eventId,
                String eventName, long eventTime, String country, String city, String venueName, Double lat,
                Double lon, List<String> topics) {
    }

    private MeetupRsvps() {
    }

    /** All lines, oldest answer first. */
    static List<Rsvp> read(Path file) throws IOException {
        List<Rsvp> rsvps = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rsvps.add(parse(CoreClient.JSON.readTree(line)));
            }
        }
        rsvps.sort(Comparator.comparingLong(Rsvp::mtime).thenComparingLong(Rsvp::rsvpId));
        return rsvps;
    }

    private static Rsvp parse(JsonNode n) {
        JsonNode event = n.path("event");
        JsonNode group = n.path("group");
        JsonNode venue = n.path("venue");
        boolean hasVenue = venue.hasNonNull("lat") && venue.hasNonNull("lon");
        return new Rsvp(n.path("rsvp_id").asLong(), n.path("mtime").asLong(), n.path("response").asText(),
                n.path("guests").asInt(0), n.path("member").path("member_id").asLong(),
                event.path("event_id").asText(), event.path("event_name").asText(), event.path("time").asLong(),
                group.path("group_country").asText(""), group.path("group_city").asText(""),
                hasVenue ? venue.path("venue_name").asText(null) : null,
                hasVenue ? venue.path("lat").asDouble() : group.path("group_lat").asDouble(),
                hasVenue ? venue.path("lon").asDouble() : group.path("group_lon").asDouble(),
                group.path("group_topics").findValuesAsText("urlkey"));
    }
}
