package io.inviteflow.core.calendar;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The marketing calendar: everything the organizer's events and campaigns send, by time. */
@RestController
class CalendarController {

    /** A quarter of a year at most per call: a month view with the weeks around it fits well. */
    private static final Duration LONGEST = Duration.ofDays(93);

    private final List<CalendarSource> sources;

    CalendarController(List<CalendarSource> sources) {
        this.sources = sources;
    }

    @GetMapping("/api/v1/calendar")
    @Operation(summary = "Events, the reminders they send (before the event, to Maybe guests before the RSVP "
            + "deadline; reminders after an unopened invitation go per guest and are not dated here), campaigns and "
            + "the planned occurrences of repeating ones, from <= at < to (ISO instants, at most 93 days apart), "
            + "in time order")
    List<CalendarEntry> between(AuthenticatedOrganizer organizer,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw Problems.unprocessable("to", "after from, at most 93 days later");
        }
        List<CalendarEntry> entries = new ArrayList<>();
        sources.forEach(source -> entries.addAll(source.between(organizer.id(), from, to)));
        entries.sort(Comparator.comparing(CalendarEntry::at).thenComparing(CalendarEntry::kind));
        return entries;
    }
}
