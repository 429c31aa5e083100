package io.inviteflow.core.invitation;

import io.inviteflow.core.event.PartyEvent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Fills a message's merge fields for one guest of one event. */
final class Personalisation {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final PartyEvent event;
    private final String organizerName;

    Personalisation(PartyEvent event, String organizerName) {
        this.event = event;
        this.organizerName = organizerName;
    }

    String message(InvitationService.Guest guest, String template) {
        String name = guest.name().strip();
        String first = guest.firstName() != null ? guest.firstName() : name.split("\\s+")[0];
        String last = guest.lastName() != null ? guest.lastName()
                : name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : "";
        return MergeFields.render(template, Map.of(
                "firstName", first,
                "lastName", last,
                "name", name,
                "eventTitle", event.title(),
                "eventDate", event.startsAt().atZoneSameInstant(ZoneId.of(event.timeZone())).format(DATE),
                "organizerName", organizerName));
    }
}
