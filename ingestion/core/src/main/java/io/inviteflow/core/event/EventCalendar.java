package io.inviteflow.core.event;

import io.inviteflow.core.calendar.CalendarEntry;
import io.inviteflow.core.calendar.CalendarSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The organizer's events on the calendar, at their start: what the reminders and campaigns around them lead to. */
@Component
class EventCalendar implements CalendarSource {

    private final JdbcClient jdbc;

    EventCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarEntry> between(UUID organizerId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT id, title, starts_at, status, venue_name FROM party_event
                        WHERE organizer_id = :organizer AND starts_at >= :from AND starts_at < :to""")
                .param("organizer", organizerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new CalendarEntry(rs.getTimestamp("starts_at").toInstant(), null,
                        CalendarEntry.Kind.EVENT, rs.getString("title"), rs.getObject("id", UUID.class), null,
                        rs.getString("status"), rs.getString("venue_name") == null ? "Event"
                        : "Event · " + rs.getString("venue_name")))
                .list();
    }
}
