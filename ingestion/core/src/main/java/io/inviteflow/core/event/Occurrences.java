package io.inviteflow.core.event;

import net.fortuna.ical4j.model.Recur;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** The dates of an event series, computed from its RRULE by ical4j in the event's own time zone (DST included). */
public final class Occurrences {

    private Occurrences() {
    }

    public static List<OffsetDateTime> of(PartyEvent event, int limit) {
        if (event.recurrence() == null) {
            return List.of(event.startsAt());
        }
        ZoneId zone = ZoneId.of(event.timeZone());
        ZonedDateTime start = event.startsAt().atZoneSameInstant(zone);
        Recur<ZonedDateTime> recur = new Recur<>(event.recurrence());
        ZonedDateTime end = start.plusYears(50);
        return recur.getDates(start, start, end).stream().limit(limit)
                .map(ZonedDateTime::toOffsetDateTime).toList();
    }
}
