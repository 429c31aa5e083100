package io.inviteflow.console.events;

import io.inviteflow.console.core.CoreEvent;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an event is shown in the list; pure functions, tested without a UI. */
final class EventFormat {

    static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm VV", Locale.ENGLISH);

    private EventFormat() {
    }

    /** The start as the guests see it, in the event's own zone, e.g. {@code Sat 7 Jun 2025, 19:00 Europe/Berlin}. */
    static String startsAt(CoreEvent event) {
        ZonedDateTime start = event.localStart();
        return start == null ? "" : START.format(start);
    }

    /** Venue name and address, the online URL, both, or a dash. */
    static String where(CoreEvent event) {
        StringBuilder where = new StringBuilder();
        if (event.venue() != null) {
            where.append(event.venue().name() == null ? "" : event.venue().name());
            if (event.venue().address() != null && !event.venue().address().isBlank()) {
                where.append(where.isEmpty() ? "" : ", ").append(event.venue().address());
            }
        }
        if (event.onlineUrl() != null && !event.onlineUrl().isBlank()) {
            where.append(where.isEmpty() ? "Online: " : " · online: ").append(event.onlineUrl());
        }
        return where.isEmpty() ? "—" : where.toString();
    }
}
