package io.inviteflow.core.idea;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.contract.ideas.IdeaModelFile;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.invitation.GuestAccess;
import io.inviteflow.core.outbox.ActivityOutbox;
import io.inviteflow.core.privacy.GuestKeys;
import io.inviteflow.core.suggestion.PromotedModels;
import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Ideas on the guest's page: ranked per guest (see {@link IdeaRanking}), picked and unpicked, their details opened.
 * Each pick, unpick and click is an activity recorded with it (outbox), carrying the guest's pseudonymous key: what the
 * recommender learns the guests' tastes from.
 */
@Service
class IdeaService {

    /** Ideas shown beside the guest's own picks: a phone screen's worth. */
    static final int SHOWN = 6;
    private static final String AGGREGATE = "invitation";

    private final IdeaCatalogue catalogue;
    private final IdeaPicks picks;
    private final GuestKeys keys;
    private final PromotedModels models;
    private final Events events;
    private final ActivityOutbox outbox;
    private final Clock clock;

    IdeaService(IdeaCatalogue catalogue, IdeaPicks picks, GuestKeys keys, PromotedModels models, Events events,
                ActivityOutbox outbox, Clock clock) {
        this.catalogue = catalogue;
        this.picks = picks;
        this.keys = keys;
        this.models = models;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The guest's ideas for the event; none when the event has no kind or the catalogue nothing for it. */
    List<IdeaRanking.Suggestion> forGuest(UUID invitationId, PartyEvent event) {
        List<Idea> candidates = catalogue.forType(event.template());
        if (candidates.isEmpty()) {
            return List.of();
        }
        IdeaModelFile model = models.ideas().orElse(null);
        // the guest's key only matters to a model that may know them
        String key = model == null ? null : picks.personKey(invitationId).map(keys::of).orElse(null);
        IdeaPicks.Seen seen = picks.seenBy(event.id(), invitationId);
        return IdeaRanking.rank(candidates, event.template(), new IdeaRanking.Guest(key, seen.mine(),
                seen.takenByOthers()), model, catalogue::find, SHOWN);
    }

    /**
     * The guest picks an idea ({@code picked}) or takes the pick back. Picking twice, or taking back what was not
     * picked, changes nothing and records nothing. 409 when another guest already gives that registry gift.
     */
    @Transactional
    void pick(GuestAccess.Guest guest, String itemId, boolean picked) {
        PartyEvent event = eventOf(guest);
        Idea idea = ideaFor(event, itemId);
        boolean changed;
        if (picked) {
            changed = picks.pick(guest.invitationId(), event.id(), idea, clock.instant());
            if (!changed && !picks.hasPicked(guest.invitationId(), idea.id())) {
                throw Problems.coded(Problems.conflict("another guest already gives " + idea.name()), "ideaTaken",
                        idea.name());
            }
        } else {
            changed = picks.unpick(guest.invitationId(), idea.id());
        }
        if (changed) {
            outbox.record(new ActivityOutbox.Entry(ActivityType.IDEA_PICKED, AGGREGATE, guest.invitationId(),
                    event.id(), new Payloads.IdeaPicked(idea.id(), keyOf(guest), event.template(), picked)));
        }
    }

    /** The guest opened an idea's details. */
    @Transactional
    void click(GuestAccess.Guest guest, String itemId) {
        PartyEvent event = eventOf(guest);
        Idea idea = ideaFor(event, itemId);
        outbox.record(new ActivityOutbox.Entry(ActivityType.IDEA_CLICKED, AGGREGATE, guest.invitationId(),
                event.id(), new Payloads.IdeaClicked(idea.id(), keyOf(guest), event.template())));
    }

    /** What the organizer's guests picked, for the event's ideas (its kind's, in the catalogue's order). */
    List<EventIdeasController.EventIdea> forOrganizer(UUID organizerId, UUID eventId) {
        PartyEvent event = events.requireOwned(eventId, organizerId);
        var byItem = picks.ofEvent(eventId).stream()
                .collect(java.util.stream.Collectors.groupingBy(IdeaPicks.Pick::itemId));
        return catalogue.forType(event.template()).stream()
                .map(i -> new EventIdeasController.EventIdea(i.id(), i.kind(), i.name(), i.exclusive(),
                        byItem.getOrDefault(i.id(), List.of()).stream()
                                .map(p -> new EventIdeasController.PickedBy(p.invitationId(), p.guestName(),
                                        p.pickedAt())).toList()))
                .toList();
    }

    private String keyOf(GuestAccess.Guest guest) {
        return keys.of(picks.personKey(guest.invitationId()).orElseThrow());
    }

    private PartyEvent eventOf(GuestAccess.Guest guest) {
        PartyEvent event = events.find(guest.eventId()).orElseThrow(() -> Problems.notFound("event", guest.eventId()));
        if (event.cancelled()) {
            throw Problems.coded(Problems.conflict("the event is cancelled"), "ideaCancelled");
        }
        return event;
    }

    /** 404 for an idea the catalogue lacks or that does not suit this kind of event. */
    private Idea ideaFor(PartyEvent event, String itemId) {
        return catalogue.find(itemId).filter(i -> i.eventTypes().contains(event.template()))
                .orElseThrow(() -> Problems.notFound("idea", itemId));
    }
}
