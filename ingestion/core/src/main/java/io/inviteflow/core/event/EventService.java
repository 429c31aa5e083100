package io.inviteflow.core.event;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.template.EventTemplate;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Creating, changing and cancelling events. Every change guests must hear of is an activity in the same commit. */
@Service
class EventService {

    static final String AGGREGATE = "party-event";
    private static final int DEFAULT_DURATION_MINUTES = 180;

    private final EventRepository repository;
    private final EventQuestions questions;
    private final TemplateCatalogue templates;
    private final ActivityOutbox outbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventService(EventRepository repository, EventQuestions questions, TemplateCatalogue templates,
                 ActivityOutbox outbox, ApplicationEventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.questions = questions;
        this.templates = templates;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    PartyEvent create(UUID organizerId, NewEvent request) {
        return create(organizerId, request, null);
    }

    /** @param source where an imported event came from, so a second import of it is refused; null otherwise */
    @Transactional
    PartyEvent create(UUID organizerId, NewEvent request, String source) {
        EventTemplate template = request.template() == null ? null : templates.find(request.template())
                .orElseThrow(() -> Problems.unprocessable("template",
                        "no template '" + request.template() + "'; GET /api/v1/templates lists them"));
        ZoneId zone = EventRules.zone(request.timeZone());
        EventRules.storableDates(request.startsAt(), request.endsAt(), request.rsvpDeadline());
        OffsetDateTime startsAt = request.startsAt().atZoneSameInstant(zone).toOffsetDateTime();
        int minutes = template == null ? DEFAULT_DURATION_MINUTES : template.defaults().durationMinutes();
        OffsetDateTime endsAt = request.endsAt() != null ? request.endsAt().atZoneSameInstant(zone).toOffsetDateTime()
                : startsAt.plusMinutes(minutes);
        OffsetDateTime deadline = request.rsvpDeadline() == null ? null
                : request.rsvpDeadline().atZoneSameInstant(zone).toOffsetDateTime();
        EventRules.schedule(startsAt, endsAt, deadline);
        Integer capacity = request.capacity() != null ? request.capacity()
                : template == null ? null : template.defaults().capacity();
        EventRules.capacity(capacity);
        EventRules.maxPlusOnes(request.maxPlusOnes());
        EventRules.Online online = EventRules.online(request.onlineUrl(), request.onlinePlatform());
        String theme = theme(template, request.theme());
        var event = new PartyEvent(UUID.randomUUID(), organizerId, request.title().strip(), request.description(),
                startsAt, endsAt, zone.getId(), venue(request.venue()), online == null ? null : online.url(),
                online == null ? null : online.platform(), EventRules.recurrence(request.recurrence()), capacity,
                deadline, request.allowMaybe() != null ? request.allowMaybe()
                        : template == null || template.defaults().allowMaybe(),
                request.maxPlusOnes() != null ? request.maxPlusOnes()
                        : template == null ? 5 : template.defaults().maxPlusOnes(),
                request.template(), theme, PartyEvent.Status.SCHEDULED, 0, source, clock.instant());
        repository.insert(event);
        List<NewQuestion> asked = request.questions() != null ? request.questions()
                : template == null ? List.of() : EventQuestions.fromTemplate(template);
        questions.replace(event.id(), asked);
        publisher.publishEvent(new EventCreated(event.id(), request.template()));
        return event;
    }

    @Transactional
    PartyEvent update(UUID organizerId, UUID eventId, EventChanges changes) {
        PartyEvent before = repository.findOwned(eventId, organizerId)
                .orElseThrow(() -> Problems.notFound("event", eventId));
        if (before.cancelled()) {
            throw Problems.conflict("the event is cancelled; it cannot change any more");
        }
        ZoneId zone = EventRules.zone(changes.timeZone() != null ? changes.timeZone() : before.timeZone());
        EventRules.storableDates(changes.startsAt(), changes.endsAt(), changes.rsvpDeadline());
        OffsetDateTime startsAt = (changes.startsAt() != null ? changes.startsAt() : before.startsAt())
                .atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime endsAt = changes.endsAt() != null ? changes.endsAt()
                : changes.clears(EventChanges.Clearable.endsAt) ? null
                : changes.startsAt() != null && before.endsAt() != null
                ? startsAt.plus(java.time.Duration.between(before.startsAt(), before.endsAt())) : before.endsAt();
        endsAt = endsAt == null ? null : endsAt.atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime deadline = changes.rsvpDeadline() != null ? changes.rsvpDeadline()
                : changes.clears(EventChanges.Clearable.rsvpDeadline) ? null : before.rsvpDeadline();
        deadline = deadline == null ? null : deadline.atZoneSameInstant(zone).toOffsetDateTime();
        EventRules.schedule(startsAt, endsAt, deadline);
        Integer capacity = changes.capacity() != null ? changes.capacity()
                : changes.clears(EventChanges.Clearable.capacity) ? null : before.capacity();
        EventRules.capacity(capacity);
        EventRules.maxPlusOnes(changes.maxPlusOnes());
        EventRules.Online online = changes.clears(EventChanges.Clearable.online) ? null
                : changes.onlineUrl() != null || changes.onlinePlatform() != null
                ? EventRules.online(changes.onlineUrl(), changes.onlinePlatform())
                : before.onlineUrl() == null ? null : new EventRules.Online(before.onlineUrl(), before.onlinePlatform());
        String theme = changes.theme() != null ? theme(templates.find(before.template()).orElse(null), changes.theme())
                : changes.clears(EventChanges.Clearable.theme) ? null : before.theme();
        PartyEvent.Venue venue = changes.venue() != null ? venue(changes.venue())
                : changes.clears(EventChanges.Clearable.venue) ? null : before.venue();
        String recurrence = changes.recurrence() != null ? EventRules.recurrence(changes.recurrence())
                : changes.clears(EventChanges.Clearable.recurrence) ? null : before.recurrence();
        String description = changes.description() != null ? changes.description()
                : changes.clears(EventChanges.Clearable.description) ? null : before.description();

        var after = new PartyEvent(before.id(), organizerId,
                changes.title() != null ? changes.title().strip() : before.title(), description, startsAt, endsAt,
                zone.getId(), venue, online == null ? null : online.url(), online == null ? null : online.platform(),
                recurrence, capacity, deadline,
                changes.allowMaybe() != null ? changes.allowMaybe() : before.allowMaybe(),
                changes.maxPlusOnes() != null ? changes.maxPlusOnes() : before.maxPlusOnes(),
                before.template(), theme, before.status(), before.sequence(), before.source(), before.createdAt());
        boolean rescheduled = !sameInstant(before.startsAt(), after.startsAt())
                || !sameInstant(before.endsAt(), after.endsAt());
        List<String> changed = guestVisibleChanges(before, after);
        if (rescheduled || !changed.isEmpty()) {
            after = after.nextSequence();
        }
        repository.update(after);
        if (rescheduled) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.EVENT_RESCHEDULED, AGGREGATE, eventId, eventId,
                    new Payloads.EventRescheduled(before.startsAt(), after.startsAt(), after.sequence())));
            publisher.publishEvent(new EventMoved(eventId));
        }
        if (!changed.isEmpty()) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.EVENT_UPDATED, AGGREGATE, eventId, eventId,
                    new Payloads.EventUpdated(changed, after.sequence())));
        }
        if (after.capacity() == null ? before.capacity() != null
                : before.capacity() != null && after.capacity() > before.capacity()) {
            publisher.publishEvent(new EventCapacityChanged(eventId));
        }
        return after;
    }

    @Transactional
    PartyEvent cancel(UUID organizerId, UUID eventId, String reason) {
        PartyEvent before = repository.findOwned(eventId, organizerId)
                .orElseThrow(() -> Problems.notFound("event", eventId));
        if (before.cancelled()) {
            return before; // cancelling twice is not a second cancellation: no second notice to guests
        }
        PartyEvent after = before.cancel();
        repository.update(after);
        outbox.record(new ActivityOutbox.Entry(ActivityType.EVENT_CANCELLED, AGGREGATE, eventId, eventId,
                new Payloads.EventCancelled(reason, after.sequence())));
        publisher.publishEvent(new EventCalledOff(eventId));
        return after;
    }

    /** What changed that a guest sees on the invitation or in the calendar (time is reported on its own). */
    private static List<String> guestVisibleChanges(PartyEvent a, PartyEvent b) {
        List<String> changed = new ArrayList<>();
        if (!a.title().equals(b.title())) {
            changed.add("title");
        }
        if (!Objects.equals(a.description(), b.description())) {
            changed.add("description");
        }
        if (!Objects.equals(a.venue(), b.venue())) {
            changed.add("venue");
        }
        if (!Objects.equals(a.onlineUrl(), b.onlineUrl())) {
            changed.add("online");
        }
        if (!Objects.equals(a.recurrence(), b.recurrence())) {
            changed.add("recurrence");
        }
        if (!sameInstant(a.rsvpDeadline(), b.rsvpDeadline())) {
            changed.add("rsvpDeadline");
        }
        return changed;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    /** The theme asked for (it must exist), else the template's first, else none. */
    private String theme(EventTemplate template, String requested) {
        if (requested != null) {
            templates.theme(requested).orElseThrow(() -> Problems.unprocessable("theme",
                    "no theme '" + requested + "'; GET /api/v1/templates lists them"));
            return requested;
        }
        return template == null || template.themes().isEmpty() ? null : template.themes().get(0).id();
    }

    private static PartyEvent.Venue venue(NewEvent.NewVenue v) {
        if (v == null) {
            return null;
        }
        if ((v.lat() == null) != (v.lon() == null)) {
            throw Problems.unprocessable(v.lat() == null ? "venue.lat" : "venue.lon",
                    "a venue has both lat and lon, or neither");
        }
        return new PartyEvent.Venue(v.name().strip(), v.address(), v.lat(), v.lon(),
                EventRepository.mapUrl(v.lat(), v.lon()));
    }
}
