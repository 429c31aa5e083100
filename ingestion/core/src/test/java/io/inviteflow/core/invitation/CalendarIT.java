package io.inviteflow.core.invitation;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.StringReader;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Every .ics is read back with ical4j, as a calendar app would read it, and validated against RFC 5545. */
class CalendarIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String organizer;
    String eventId;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
        eventId = api.post("/api/v1/events", organizer, """
                {"title":"Book club","startsAt":"2027-03-16T19:00:00+01:00","timeZone":"Europe/Berlin",
                 "venue":{"name":"Café Einstein","address":"Kurfürstenstraße 58, Berlin","lat":52.5019,"lon":13.3561},
                 "recurrence":"FREQ=WEEKLY;BYDAY=TU;COUNT=10"}""").json().get("id").asText();
        token = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}]}")
                .json().at("/invitations/0/token").asText();
    }

    @Test
    void theGuestsEntryHasTheZoneThePlaceTheOrganizerAndTheirAnswer() throws Exception {
        api.post("/api/v1/invitations/" + token + "/rsvp", null, "{\"response\":\"YES\"}");
        Api.Response ics = api.get("/i/" + token + "/calendar.ics", null);

        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = parseAndValidate(ics.body());
        VTimeZone zone = calendar.getComponent("VTIMEZONE").map(VTimeZone.class::cast).orElseThrow();
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Europe/Berlin");
        assertThat(event.getDateTimeStart().getParameter("TZID")).hasValueSatisfying(
                tz -> assertThat(tz.getValue()).isEqualTo("Europe/Berlin"));
        // the zone is the calendar's VTIMEZONE (ical4j names it itself); the local time and offset must match
        assertThat(((ZonedDateTime) event.getDateTimeStart().getDate()).toOffsetDateTime())
                .isEqualTo("2027-03-16T19:00+01:00");
        assertThat(text(event, "LOCATION")).isEqualTo("Café Einstein, Kurfürstenstraße 58, Berlin");
        assertThat(text(event, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=10;BYDAY=TU");
        assertThat(text(event, "ORGANIZER")).startsWith("mailto:org-");
        assertThat(text(event, "ATTENDEE")).isEqualTo("mailto:ada@example.org");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("PARTSTAT").orElseThrow().getValue())
                .isEqualTo("ACCEPTED");
        assertThat(text(event, "SEQUENCE")).isEqualTo("0");
        assertThat(text(event, "UID")).isEqualTo(eventId + "@inviteflow");
    }

    @Test
    void aRescheduleRaisesTheSequenceAndACancellationIsACancel() throws Exception {
        api.patch("/api/v1/events/" + eventId, organizer, "{\"startsAt\":\"2027-03-17T20:00:00+01:00\"}");
        VEvent moved = parseAndValidate(api.get("/i/" + token + "/calendar.ics", null).body())
                .getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(text(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(((ZonedDateTime) moved.getDateTimeStart().getDate()).toOffsetDateTime())
                .isEqualTo("2027-03-17T20:00+01:00");

        api.post("/api/v1/events/" + eventId + "/cancel", organizer, "{}");
        Calendar cancelled = parseAndValidate(api.get("/i/" + token + "/calendar.ics", null).body());
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = cancelled.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(text(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(text(event, "SEQUENCE")).isEqualTo("2");
        // no answer form any more (the wall and the chat stay open: guests may still talk)
        assertThat(api.getAs("/i/" + token, "test").body()).contains("This event has been cancelled")
                .doesNotContain("action=\"/i/" + token + "\"").doesNotContain("name=\"response\"");
    }

    @Test
    void theGuestPageLinksToTheCalendars() {
        String page = api.getAs("/i/" + token, "test").body();
        assertThat(page).contains("/i/" + token + "/calendar.ics")
                .contains("https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Book%20club"
                        + "&amp;dates=20270316T180000Z/20270316T210000Z&amp;ctz=Europe%2FBerlin")
                .contains("https://outlook.live.com/calendar/0/deeplink/compose");
        assertThat(api.get("/i/AAAAAAAAAAAAAAAAAAAAAA/calendar.ics", null).status()).isEqualTo(404);
    }

    private static Calendar parseAndValidate(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar;
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
