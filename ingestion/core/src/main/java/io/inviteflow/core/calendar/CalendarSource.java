package io.inviteflow.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feature's dated sends for the calendar (campaigns, reminders, the events themselves). */
public interface CalendarSource {

    /** The organizer's entries with {@code from <= at < to}. */
    List<CalendarEntry> between(UUID organizerId, Instant from, Instant to);
}
