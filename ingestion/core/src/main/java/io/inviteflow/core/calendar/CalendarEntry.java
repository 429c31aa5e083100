package io.inviteflow.core.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One thing on the marketing calendar: an event, a reminder it sends to its guests, a campaign, or an occurrence of a
 * repeating campaign not made yet.
 *
 * @param at        when it goes (for a campaign in the guests' own time: when the first zone reaches it)
 * @param localTime for a campaign in the guests' own time, the time on their clocks; else null
 * @param status    a campaign's status ({@code PLANNED} for an occurrence still to be made), an event's
 *                  ({@code SCHEDULED}, {@code CANCELLED}); null for a reminder
 * @param detail    words for the organizer, e.g. "to guests who said Maybe · email, push"
 */
public record CalendarEntry(Instant at, LocalDateTime localTime, Kind kind, String title, UUID eventId,
                            UUID campaignId, String status, String detail) {

    public enum Kind { EVENT, REMINDER, CAMPAIGN }

    /** Channels as the organizer reads them: "email, notification". */
    public static String channels(java.util.Collection<String> channels) {
        return String.join(", ", channels.stream().map(c -> "PUSH".equals(c) ? "notification" : "email")
                .toList());
    }
}
