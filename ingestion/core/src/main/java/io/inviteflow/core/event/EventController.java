package io.inviteflow.core.event;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventService service;
    private final EventRepository repository;
    private final Events events;
    private final EventQuestions questions;

    EventController(EventService service, EventRepository repository, Events events, EventQuestions questions) {
        this.service = service;
        this.repository = repository;
        this.events = events;
        this.questions = questions;
    }

    @PostMapping
    ResponseEntity<PartyEvent> create(AuthenticatedOrganizer organizer, @Valid @RequestBody NewEvent request) {
        PartyEvent event = service.create(organizer.id(), request);
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

    /** Edits and reschedules; guests hear of what they see (an activity the batch side turns into messages). */
    @PatchMapping("/{id}")
    PartyEvent update(AuthenticatedOrganizer organizer, @PathVariable UUID id,
                      @Valid @RequestBody EventChanges changes) {
        return service.update(organizer.id(), id, changes);
    }

    record Cancellation(@Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/cancel")
    PartyEvent cancel(AuthenticatedOrganizer organizer, @PathVariable UUID id,
                      @Valid @RequestBody(required = false) Cancellation request) {
        return service.cancel(organizer.id(), id, request == null ? null : request.reason());
    }

    @GetMapping("/{id}/questions")
    List<Question> questions(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        events.requireOwned(id, organizer.id());
        return questions.of(id);
    }

    record QuestionList(@NotNull @Size(max = 50) List<@Valid @NotNull NewQuestion> questions) {
    }

    /** Replaces the questions; a question sent with its id keeps the answers already given. */
    @PutMapping("/{id}/questions")
    List<Question> replaceQuestions(AuthenticatedOrganizer organizer, @PathVariable UUID id,
                                    @Valid @RequestBody QuestionList request) {
        events.requireOwned(id, organizer.id());
        return questions.replace(id, request.questions());
    }

    /** The dates of a series (or the one date of a one-off), in the event's time zone. */
    @GetMapping("/{id}/occurrences")
    List<java.time.OffsetDateTime> occurrences(AuthenticatedOrganizer organizer, @PathVariable UUID id) {
        return Occurrences.of(events.requireOwned(id, organizer.id()), EventRules.MAX_OCCURRENCES);
    }
}
