package io.inviteflow.core.invitation;

import io.inviteflow.core.event.PartyEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * "Add to calendar" links: the guest's own .ics (Apple Calendar, Thunderbird, any app), and the Google Calendar and
 * Outlook.com compose pages, which take the event in their URL.
 */
record CalendarLinks(String ics, String google, String outlook) {

    private static final DateTimeFormatter GOOGLE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    static CalendarLinks of(PartyEvent event, String token) {
        OffsetDateTime start = event.startsAt();
        OffsetDateTime end = event.endsAt() != null ? event.endsAt() : start.plusHours(3);
        String where = where(event);
        String google = "https://calendar.google.com/calendar/render?action=TEMPLATE"
                + "&text=" + enc(event.title())
                + "&dates=" + start.withOffsetSameInstant(ZoneOffset.UTC).format(GOOGLE) + "/"
                + end.withOffsetSameInstant(ZoneOffset.UTC).format(GOOGLE)
                + "&ctz=" + enc(event.timeZone())
                + (where == null ? "" : "&location=" + enc(where))
                + (event.description() == null ? "" : "&details=" + enc(event.description()))
                + (event.recurrence() == null ? "" : "&recur=" + enc("RRULE:" + event.recurrence()));
        String outlook = "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose"
                + "&rru=addevent"
                + "&subject=" + enc(event.title())
                + "&startdt=" + enc(start.toString())
                + "&enddt=" + enc(end.toString())
                + (where == null ? "" : "&location=" + enc(where))
                + (event.description() == null ? "" : "&body=" + enc(event.description()));
        return new CalendarLinks("/i/" + token + "/calendar.ics", google, outlook);
    }

    /** The venue's name and address, else the online link. */
    static String where(PartyEvent event) {
        if (event.venue() != null) {
            return event.venue().name() + (event.venue().address() == null ? "" : ", " + event.venue().address());
        }
        return event.onlineUrl();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
