package io.inviteflow.core.reminder;

import io.inviteflow.core.calendar.CalendarEntry;
import io.inviteflow.core.calendar.CalendarSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reminders of the organizer's events that go at one time for everybody: before the event, and to Maybe guests
 * before the RSVP deadline (the start when there is none). Reminders after an unopened invitation go per guest, at
 * their invitation's time plus the offset, and are not on the calendar; a guest's quiet hours may move theirs later.
 */
@Component
class ReminderCalendar implements CalendarSource {

    private final JdbcClient jdbc;

    ReminderCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarEntry> between(UUID organizerId, Instant from, Instant to) {
        // a reminder goes at most LONGEST before its moment (the start, or the RSVP deadline): the events whose moments
        // may put one in the window
        return jdbc.sql("""
                        SELECT e.id, e.title, e.starts_at, coalesce(e.rsvp_deadline, e.starts_at) AS deadline, r.kind,
                               r.offset_seconds, r.channels
                        FROM party_event e JOIN reminder_rule r ON r.event_id = e.id
                        WHERE e.organizer_id = :organizer AND e.status = 'SCHEDULED' AND r.kind <> 'UNOPENED'
                          AND (e.starts_at >= :from OR coalesce(e.rsvp_deadline, e.starts_at) >= :from)
                          AND (e.starts_at < :until OR coalesce(e.rsvp_deadline, e.starts_at) < :until)""")
                .param("organizer", organizerId).param("from", Timestamp.from(from))
                .param("until", Timestamp.from(to.plus(ReminderRule.LONGEST)))
                .query((rs, n) -> {
                    ReminderRule.Kind kind = ReminderRule.Kind.valueOf(rs.getString("kind"));
                    Duration offset = Duration.ofSeconds(rs.getLong("offset_seconds"));
                    Instant moment = rs.getTimestamp(kind == ReminderRule.Kind.BEFORE_EVENT ? "starts_at"
                            : "deadline").toInstant();
                    String channels = CalendarEntry.channels(List.of((String[]) rs.getArray("channels").getArray()));
                    String who = kind == ReminderRule.Kind.BEFORE_EVENT ? "to guests coming"
                            : "to guests who said Maybe, before the RSVP deadline";
                    return new CalendarEntry(moment.minus(offset), null, CalendarEntry.Kind.REMINDER,
                            rs.getString("title") + ": " + words(offset) + " before", rs.getObject("id", UUID.class),
                            null, null, "Reminder " + who + " · " + channels);
                })
                .stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
    }

    /** "2 days", "1 hour", "90 minutes": the offset as an organizer set it. */
    static String words(Duration offset) {
        if (offset.toDays() > 0 && offset.equals(Duration.ofDays(offset.toDays()))) {
            return offset.toDays() + (offset.toDays() == 1 ? " day" : " days");
        }
        if (offset.toHours() > 0 && offset.equals(Duration.ofHours(offset.toHours()))) {
            return offset.toHours() + (offset.toHours() == 1 ? " hour" : " hours");
        }
        return offset.toMinutes() + " minutes";
    }
}
