package io.inviteflow.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.inviteflow.console.core.CoreEvent;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFormatTest {

    private static final CoreEvent.Venue VENUE = new CoreEvent.Venue("Kulturbrauerei", "Schönhauser Allee 36", 52.5, 13.4);

    @Test
    void startsAtIsShownInTheEventsOwnZone() {
        // The core may send the instant with any offset; the guests' wall clock is the event's zone.
        CoreEvent event = event(OffsetDateTime.parse("2025-06-07T17:00:00Z"), "Europe/Berlin", VENUE, null);

        assertThat(EventFormat.startsAt(event)).isEqualTo("Sat 7 Jun 2025, 19:00 Europe/Berlin");
    }

    @Test
    void anUnknownZoneFallsBackToTheSentOffset() {
        CoreEvent event = event(OffsetDateTime.parse("2025-06-07T19:00:00+02:00"), "Mars/Olympus", VENUE, null);

        assertThat(EventFormat.startsAt(event)).isEqualTo("Sat 7 Jun 2025, 19:00 +02:00");
    }

    @Test
    void whereShowsVenueOnlineBothOrADash() {
        OffsetDateTime start = OffsetDateTime.parse("2025-06-07T19:00:00+02:00");
        assertThat(EventFormat.where(event(start, "Europe/Berlin", VENUE, null)))
                .isEqualTo("Kulturbrauerei, Schönhauser Allee 36");
        assertThat(EventFormat.where(event(start, "Europe/Berlin", null, "https://meet.example/x")))
                .isEqualTo("Online: https://meet.example/x");
        assertThat(EventFormat.where(event(start, "Europe/Berlin", VENUE, "https://meet.example/x")))
                .isEqualTo("Kulturbrauerei, Schönhauser Allee 36 · online: https://meet.example/x");
        assertThat(EventFormat.where(event(start, "Europe/Berlin", null, null))).isEqualTo("—");
    }

    private static CoreEvent event(OffsetDateTime start, String zone, CoreEvent.Venue venue, String online) {
        return new CoreEvent(UUID.randomUUID(), "Party", start, zone, venue, online, null, null, "SCHEDULED");
    }
}
