package io.inviteflow.core.event;

import io.inviteflow.core.web.Problems;
import net.fortuna.ical4j.model.Recur;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;

/** The checks an event's fields must pass, each refusal a 422 naming the field. */
final class EventRules {

    static final int MAX_CAPACITY = 1_000_000;
    /** A series longer than this is a mistake (FREQ=MINUTELY) more often than a wish. */
    static final int MAX_OCCURRENCES = 1000;

    private EventRules() {
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw Problems.unprocessable("timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    /** PostgreSQL's timestamptz ends long before Java's OffsetDateTime does. */
    private static void storableDate(String field, OffsetDateTime at) {
        if (at != null && (at.getYear() < 1900 || at.getYear() > 9999)) {
            throw Problems.unprocessable(field, field + " must be between the years 1900 and 9999");
        }
    }

    /** Checked before any time-zone arithmetic, which overflows near OffsetDateTime's own limits. */
    static void storableDates(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime rsvpDeadline) {
        storableDate("startsAt", startsAt);
        storableDate("endsAt", endsAt);
        storableDate("rsvpDeadline", rsvpDeadline);
    }

    /** The order of the dates; their range is checked before, by {@link #storableDates}. */
    static void schedule(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime rsvpDeadline) {
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw Problems.unprocessable("endsAt", "endsAt must be after startsAt");
        }
        if (rsvpDeadline != null && rsvpDeadline.isAfter(startsAt)) {
            throw Problems.unprocessable("rsvpDeadline", "rsvpDeadline must not be after startsAt");
        }
    }

    static void capacity(Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw Problems.unprocessable("capacity", "capacity must be between 1 and " + MAX_CAPACITY);
        }
    }

    static void maxPlusOnes(Integer maxPlusOnes) {
        if (maxPlusOnes != null && (maxPlusOnes < 0 || maxPlusOnes > 20)) {
            throw Problems.unprocessable("maxPlusOnes", "maxPlusOnes must be between 0 and 20");
        }
    }

    record Online(String url, OnlinePlatform platform) {
    }

    /**
     * The online part of an event: a link (its platform recognised and checked), or just {@code JITSI} to get a new
     * room; null when the event has none.
     */
    static Online online(String url, OnlinePlatform requested) {
        if (url == null) {
            if (requested == null) {
                return null;
            }
            if (requested != OnlinePlatform.JITSI) {
                throw Problems.unprocessable("onlineUrl", "onlineUrl is required for " + requested
                        + " (only JITSI rooms can be created here)");
            }
            return new Online(OnlinePlatform.newJitsiRoom(), OnlinePlatform.JITSI);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw Problems.unprocessable("onlineUrl", "onlineUrl is not a valid link: " + e.getReason());
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw Problems.unprocessable("onlineUrl", "onlineUrl must be an http(s) link");
        }
        OnlinePlatform platform = OnlinePlatform.of(uri).orElseThrow(() -> Problems.unprocessable("onlineUrl",
                "onlineUrl is on " + uri.getHost() + " but is not a meeting link there"));
        if (requested != null && requested != platform && requested != OnlinePlatform.OTHER) {
            throw Problems.unprocessable("onlinePlatform", "the link is a " + platform + " link, not " + requested);
        }
        return new Online(uri.toString(), platform);
    }

    /** An RFC 5545 RRULE, normalised by ical4j; refused when it does not parse or never ends. */
    static String recurrence(String rrule) {
        if (rrule == null) {
            return null;
        }
        String value = rrule.strip().replaceFirst("(?i)^RRULE:", "");
        Recur<Temporal> recur;
        try {
            recur = new Recur<>(value);
        } catch (IllegalArgumentException | DateTimeException | UnsupportedOperationException e) {
            throw Problems.unprocessable("recurrence", "recurrence is not an RFC 5545 RRULE: " + e.getMessage());
        }
        if (recur.getCount() < 0 && recur.getUntil() == null) {
            throw Problems.unprocessable("recurrence", "a series needs COUNT or UNTIL");
        }
        if (recur.getCount() > MAX_OCCURRENCES) {
            throw Problems.unprocessable("recurrence", "a series has at most " + MAX_OCCURRENCES + " occurrences");
        }
        return recur.toString();
    }
}
