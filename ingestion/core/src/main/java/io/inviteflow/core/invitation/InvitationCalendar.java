package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.account.Organizer;
import io.inviteflow.core.event.PartyEvent;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The guest's calendar entry (RFC 5545): in the event's own time zone with its VTIMEZONE, the venue or the
 * conference link, the organizer, the guest as attendee with their answer, the series rule; SEQUENCE grows with each
 * change so calendars replace the old entry, and a cancelled event is sent as METHOD:CANCEL.
 */
final class InvitationCalendar {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private InvitationCalendar() {
    }

    static String ics(PartyEvent event, GuestInvitation invitation, String guestEmail, Organizer organizer,
                      String link, Instant now) {
        ZoneId zone = ZoneId.of(event.timeZone());
        ZonedDateTime start = event.startsAt().atZoneSameInstant(zone);
        ZonedDateTime end = (event.endsAt() != null ? event.endsAt() : event.startsAt().plusHours(3))
                .atZoneSameInstant(zone);
        VEvent vevent = new VEvent(start, end, event.title());
        vevent.add(new Uid(event.id() + "@inviteflow"));
        vevent.add(new DtStamp(now));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(new Url(URI.create(link)));
        String where = CalendarLinks.where(event);
        if (where != null) {
            vevent.add(new Location(where));
        }
        if (event.venue() != null && event.venue().lat() != null) {
            vevent.add(new net.fortuna.ical4j.model.property.Geo(BigDecimal.valueOf(event.venue().lat()),
                    BigDecimal.valueOf(event.venue().lon())));
        }
        StringBuilder description = new StringBuilder();
        if (event.description() != null) {
            description.append(event.description()).append("\n\n");
        }
        if (event.onlineUrl() != null) {
            description.append("Join online: ").append(event.onlineUrl()).append("\n");
            vevent.add(new net.fortuna.ical4j.model.property.XProperty("X-GOOGLE-CONFERENCE", event.onlineUrl()));
        }
        description.append("Your invitation: ").append(link);
        vevent.add(new Description(description.toString()));
        vevent.add(new net.fortuna.ical4j.model.property.Organizer(
                new ParameterList(List.of(new Cn(organizer.name()))), URI.create("mailto:" + organizer.email())));
        if (guestEmail != null) {
            vevent.add(new Attendee(new ParameterList(List.of(new Cn(invitation.guestName()), Role.REQ_PARTICIPANT,
                    partStat(invitation.response()))), URI.create("mailto:" + guestEmail)));
        }
        if (event.recurrence() != null) {
            vevent.add(new RRule<>(new Recur<ZonedDateTime>(event.recurrence())));
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Inviteflow//Inviteflow//EN")
                .withDefaults()
                .withProperty(event.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH)
                .withComponent(ZONES.getTimeZone(zone.getId()).getVTimeZone())
                .withComponent(vevent)
                .getFluentTarget();
        return calendar.toString();
    }

    private static PartStat partStat(Rsvp response) {
        if (response == null) {
            return PartStat.NEEDS_ACTION;
        }
        return switch (response) {
            case YES -> PartStat.ACCEPTED;
            case NO -> PartStat.DECLINED;
            case MAYBE -> PartStat.TENTATIVE;
        };
    }
}
