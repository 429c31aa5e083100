package io.inviteflow.core.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads events exported from Eventbrite (API event objects, alone or as {@code {"events": […]}}) and Meetup (API v3
 * event objects with {@code time}/{@code utc_offset}, or GraphQL nodes with {@code dateTime}), into new events.
 */
final class ExternalEvents {

    private ExternalEvents() {
    }

    /** One event of the file, or why it cannot be one. */
    record Entry(int index, String source, NewEvent event, String problem) {
    }

    static List<Entry> read(JsonNode root) {
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (root.has("events") && root.get("events").isArray()) {
            root.get("events").forEach(items::add);
        } else if (root.at("/data/groupByUrlname/upcomingEvents/edges").isArray()) {
            root.at("/data/groupByUrlname/upcomingEvents/edges").forEach(e -> items.add(e.get("node")));
        } else {
            items.add(root);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                if (item.path("start").isObject()) {
                    entries.add(eventbrite(i, item));
                } else if (item.path("time").isNumber() || item.path("dateTime").isTextual()) {
                    entries.add(meetup(i, item));
                } else {
                    entries.add(new Entry(i, null, null, "neither an Eventbrite event (start) nor a Meetup event "
                            + "(time or dateTime)"));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                entries.add(new Entry(i, null, null, "unreadable date or time zone: " + e.getMessage()));
            }
        }
        return entries;
    }

    private static Entry eventbrite(int index, JsonNode e) {
        String zone = e.at("/start/timezone").asText("UTC");
        ZoneId id = ZoneId.of(zone);
        OffsetDateTime start = local(e.at("/start/local").asText(), id);
        OffsetDateTime end = e.at("/end/local").isTextual() ? local(e.at("/end/local").asText(), id) : null;
        JsonNode venue = e.path("venue");
        NewEvent.NewVenue place = venue.isObject() && venue.hasNonNull("name") ? new NewEvent.NewVenue(
                venue.get("name").asText(), venue.at("/address/localized_address_display").asText(null),
                number(venue.at("/address/latitude")), number(venue.at("/address/longitude"))) : null;
        return new Entry(index, "eventbrite:" + e.path("id").asText(""), new NewEvent(
                text(e.path("name")), text(e.path("description")), start, end, zone, place, null,
                e.path("online_event").asBoolean(false) ? OnlinePlatform.JITSI : null, null,
                e.hasNonNull("capacity") ? e.get("capacity").asInt() : null, null, null, null, null, null, null),
                null);
    }

    private static Entry meetup(int index, JsonNode e) {
        OffsetDateTime start;
        String zone;
        if (e.path("dateTime").isTextual()) {
            start = OffsetDateTime.parse(e.get("dateTime").asText());
            zone = e.at("/group/timezone").asText(start.getOffset().getId());
        } else {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(e.path("utc_offset").asInt(0) / 1000);
            zone = e.at("/group/timezone").asText(offset.getId());
            start = Instant.ofEpochMilli(e.get("time").asLong()).atOffset(offset);
        }
        OffsetDateTime end = e.path("duration").isNumber() ? start.plusNanos(e.get("duration").asLong() * 1_000_000)
                : e.path("endTime").isTextual() ? OffsetDateTime.parse(e.get("endTime").asText()) : null;
        JsonNode venue = e.path("venue");
        NewEvent.NewVenue place = venue.isObject() && venue.hasNonNull("name") ? new NewEvent.NewVenue(
                venue.get("name").asText(), address(venue), number(venue.path("lat")),
                number(venue.has("lng") ? venue.get("lng") : venue.path("lon"))) : null;
        Integer limit = e.hasNonNull("rsvp_limit") ? Integer.valueOf(e.get("rsvp_limit").asInt())
                : e.hasNonNull("maxTickets") ? Integer.valueOf(e.get("maxTickets").asInt()) : null;
        String title = e.hasNonNull("name") ? e.get("name").asText() : e.path("title").asText(null);
        return new Entry(index, "meetup:" + e.path("id").asText(""), new NewEvent(title,
                stripHtml(e.path("description").asText(null)), start, end, zone, place, null, null, null,
                limit == null || limit <= 0 ? null : limit, null, null, null, null, null, null), null);
    }

    private static OffsetDateTime local(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toOffsetDateTime();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("text").asText(null);
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String address(JsonNode venue) {
        String address = venue.hasNonNull("address_1") ? venue.get("address_1").asText()
                : venue.path("address").asText(null);
        String city = venue.path("city").asText(null);
        return address == null ? city : city == null ? address : address + ", " + city;
    }

    /** Meetup descriptions are HTML; guests get text (the page escapes it anyway). */
    private static String stripHtml(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replaceAll("\n{3,}", "\n\n").strip();
        return text.length() > 5000 ? text.substring(0, 5000) : text;
    }
}
