package io.inviteflow.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the Meetup sample into Inviteflow events: one community event per country with many answers, one for
 * the rest of the world. Every member who answered about any Meetup event of that country is a guest; each line
 * of the file becomes an open followed by that answer, so members who changed their mind change their answer.
 */
final class DemoPlan {

    /** The countries with the most answers in the sample get an event each. */
    static final List<String> COUNTRIES = List.of("us", "gb", "au", "de", "es", "fr");
    static final String ELSEWHERE = "elsewhere";

    record PlannedEvent(String key, String title, String timeZone, String venueName, String address, Double lat,
                        Double lon, List<Long> guests) {
    }

    /** @param topics the topics of the member's Meetup group, which the demo's guests pick ideas by */
    record Step(long mtime, String eventKey, long memberId, String response, int plusOnes, List<String> topics) {
    }

    final List<PlannedEvent> events;
    final List<Step> steps;

    private DemoPlan(List<PlannedEvent> events, List<Step> steps) {
        this.events = events;
        this.steps = steps;
    }

    static DemoPlan of(List<MeetupRsvps.Rsvp> rsvps) {
        Map<String, List<MeetupRsvps.Rsvp>> byEvent = new LinkedHashMap<>();
        for (String c : COUNTRIES) {
            byEvent.put(c, new ArrayList<>());
        }
        byEvent.put(ELSEWHERE, new ArrayList<>());
        List<Step> steps = new ArrayList<>();
        for (MeetupRsvps.Rsvp r : rsvps) {
            String key = eventKey(r.country());
            byEvent.get(key).add(r);
            String response = r.response().toUpperCase(Locale.ROOT);
            steps.add(new Step(r.mtime(), key, r.memberId(), response, "YES".equals(response) ? r.guests() : 0,
                    r.topics()));
        }
        List<PlannedEvent> events = new ArrayList<>();
        byEvent.forEach((key, lines) -> {
            Set<Long> guests = lines.stream().map(MeetupRsvps.Rsvp::memberId)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            MeetupRsvps.Rsvp first = lines.get(0);
            String title = key.equals(ELSEWHERE) ? "Meetup community night — around the world"
                    : "Meetup community night — " + countryName(key);
            events.add(new PlannedEvent(key, title, timeZone(key), first.venueName() == null ? first.city()
                    : first.venueName(), first.city(), first.lat(), first.lon(), List.copyOf(guests)));
        });
        return new DemoPlan(events, steps);
    }

    static String eventKey(String country) {
        return COUNTRIES.contains(country) ? country : ELSEWHERE;
    }

    private static String countryName(String code) {
        return new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
    }

    private static String timeZone(String key) {
        return switch (key) {
            case "us" -> "America/Los_Angeles";
            case "gb" -> "Europe/London";
            case "au" -> "Australia/Sydney";
            case "de" -> "Europe/Berlin";
            case "es" -> "Europe/Madrid";
            case "fr" -> "Europe/Paris";
            default -> "UTC";
        };
    }
}
