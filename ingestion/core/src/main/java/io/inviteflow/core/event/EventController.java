package io.inviteflow.core.event;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventRepository repository;
    private final Events events;
    private final Clock clock;

    EventController(EventRepository repository, Events events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<PartyEvent> create(AuthenticatedOrganizer organizer, @Valid @RequestBody NewEvent request) {
        ZoneId zone = zone(request.timeZone());
        requireStorableDate(request.startsAt());
        requireWebUrl(request.onlineUrl());
        PartyEvent.Venue venue = request.venue() == null ? null : new PartyEvent.Venue(request.venue().name(),
                request.venue().address(), request.venue().lat(), request.venue().lon(),
                EventRepository.mapUrl(request.venue().lat(), request.venue().lon()));
        var event = new PartyEvent(UUID.randomUUID(), organizer.id(), request.title().trim(),
                request.startsAt().atZoneSameInstant(zone).toOffsetDateTime(), zone.getId(), venue,
                request.onlineUrl(), request.template(), clock.instant());
        repository.insert(event);
        return ResponseEntity.created(URI.create("/api/v1/events/" + event.id())).body(event);
    }

    @GetMapping
    List<PartyEvent> list(AuthenticatedOrganizer organizer) {
        return repository.findByOrganizer(organizer.id());
    }

    @GetMapping("/{id}")
    PartyEvent get(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return events.requireOwned(id, organizer.id());
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw Problems.unprocessable("timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    /** PostgreSQL's timestamptz ends long before Java's OffsetDateTime does. */
    private static void requireStorableDate(java.time.OffsetDateTime startsAt) {
        if (startsAt.getYear() < 1900 || startsAt.getYear() > 9999) {
            throw Problems.unprocessable("startsAt", "startsAt must be between the years 1900 and 9999");
        }
    }

    private static void requireWebUrl(String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw Problems.unprocessable("onlineUrl", "onlineUrl must be an http(s) link");
            }
        } catch (URISyntaxException e) {
            throw Problems.unprocessable("onlineUrl", "onlineUrl is not a valid link: " + e.getReason());
        }
    }
}
