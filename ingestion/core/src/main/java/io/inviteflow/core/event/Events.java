package io.inviteflow.core.event;

import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.UUID;

/** What other features of the core may ask about events. */
@Service
public class Events {

    private final EventRepository repository;
    private final QuestionRepository questions;
    private final EventSnapshots snapshots;

    Events(EventRepository repository, QuestionRepository questions, EventSnapshots snapshots) {
        this.repository = repository;
        this.questions = questions;
        this.snapshots = snapshots;
    }

    /**
     * The event as its guest pages show it, with what guests may do and its questions: possibly up to a second old
     * (see {@link EventSnapshots}), so for showing only, never for deciding an answer.
     */
    public Optional<GuestPageEvent> forGuestPage(UUID eventId) {
        return Optional.ofNullable(snapshots.get(eventId, id -> repository.findById(id)
                .map(e -> new GuestPageEvent(e, repository.guestOptions(id), questions.of(id)))
                .orElse(null)));
    }

    /** What guests may do on the event's invitation pages. */
    public GuestOptions guestOptions(UUID eventId) {
        return repository.guestOptions(eventId);
    }

    /** @throws org.springframework.web.ErrorResponseException 404 unless the organizer owns the event */
    public PartyEvent requireOwned(UUID eventId, UUID organizerId) {
        return repository.findOwned(eventId, organizerId).orElseThrow(() -> Problems.notFound("event", eventId));
    }

    /**
     * The event, locked until the caller's transaction ends. Answers to an event with a capacity go through here so
     * that two guests answering at once can never both take the last place.
     */
    public PartyEvent lockForAnswers(UUID eventId) {
        return repository.lock(eventId).orElseThrow(() -> Problems.notFound("event", eventId));
    }

    public Optional<PartyEvent> find(UUID eventId) {
        return repository.findById(eventId);
    }
}
