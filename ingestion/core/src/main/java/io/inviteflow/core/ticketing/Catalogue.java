package io.inviteflow.core.ticketing;

import io.inviteflow.core.event.EventMoved;
import io.inviteflow.core.event.Events;
import io.inviteflow.core.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What an event sells: its settings, tiers and discount codes. Organizers change them; checkout reads and takes. */
@Service
public class Catalogue {

    private final CatalogueRepository repository;
    private final Events events;
    private final Clock clock;
    private final Duration refundWindow;

    Catalogue(CatalogueRepository repository, Events events, Clock clock,
              @Value("${inviteflow.tickets.refund-window-after-reschedule}") Duration refundWindow) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.refundWindow = refundWindow;
    }

    // --- organizers ------------------------------------------------------------------------------------------

    @Transactional
    TicketSettings saveSettings(UUID organizerId, UUID eventId, CatalogueRequests.Settings request) {
        events.requireOwned(eventId, organizerId);
        Money.requireSupported(request.currency());
        Optional<TicketSettings> before = repository.settings(eventId);
        if (before.isPresent() && !before.get().currency().equals(request.currency()) && repository.hasOrders(eventId)) {
            throw Problems.unprocessable("currency", "the event has orders in " + before.get().currency()
                    + ": its currency can no longer change");
        }
        TicketSettings settings = new TicketSettings(eventId, request.currency(), request.vatBasisPoints(),
                request.feeFixedMinor(), request.feeBasisPoints(),
                request.transfersAllowed() == null || request.transfersAllowed(), request.cancelUntilHoursBefore(),
                before.map(TicketSettings::refundRequestsUntil).orElse(null));
        repository.saveSettings(settings);
        return settings;
    }

    TicketSettings settingsOwned(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.settings(eventId).orElseThrow(() -> Problems.notFound("ticket settings for event", eventId));
    }

    List<TicketTier> tiersOwned(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.tiers(eventId);
    }

    @Transactional
    TicketTier addTier(UUID organizerId, UUID eventId, CatalogueRequests.Tier request) {
        events.requireOwned(eventId, organizerId);
        if (repository.settings(eventId).isEmpty()) {
            throw Problems.unprocessable("currency", "set the event's ticket settings (currency, VAT, fees) first");
        }
        TicketTier tier = tier(UUID.randomUUID(), eventId, request);
        repository.insertTier(tier);
        List<CatalogueRequests.Includes> includes = request.includes() == null ? List.of() : request.includes();
        var items = repository.merchandise(eventId).stream().map(Merchandise::id).toList();
        var seen = new java.util.HashSet<UUID>();
        for (int i = 0; i < includes.size(); i++) {
            CatalogueRequests.Includes include = includes.get(i);
            if (!items.contains(include.itemId()) || !seen.add(include.itemId())) {
                throw Problems.unprocessable("includes[" + i + "].itemId", "no item " + include.itemId()
                        + " of this event (or named twice)");
            }
            repository.include(tier.id(), include.itemId(), include.quantity());
        }
        return tier;
    }

    List<Merchandise> merchandiseOwned(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.merchandise(eventId);
    }

    @Transactional
    Merchandise addMerchandise(UUID organizerId, UUID eventId, CatalogueRequests.Item request) {
        events.requireOwned(eventId, organizerId);
        Merchandise item = new Merchandise(UUID.randomUUID(), eventId, request.name().strip(), request.quantity(), 0);
        repository.insertMerchandise(item);
        return item;
    }

    @Transactional
    TicketTier changeTier(UUID organizerId, UUID eventId, UUID tierId, CatalogueRequests.Tier request) {
        events.requireOwned(eventId, organizerId);
        TicketTier before = repository.tier(eventId, tierId).orElseThrow(() -> Problems.notFound("tier", tierId));
        if (request.includes() != null && !request.includes().isEmpty()) {
            throw Problems.unprocessable("includes", "what a bundle includes is set when the tier is made; "
                    + "make a new tier for another bundle");
        }
        TicketTier after = tier(tierId, eventId, request);
        if (!repository.updateTier(after)) {
            throw Problems.unprocessable("quantity", before.taken() + " tickets of this tier are sold or held: "
                    + "the quantity cannot be lower");
        }
        return repository.tier(eventId, tierId).orElseThrow();
    }

    List<DiscountCode> codesOwned(UUID organizerId, UUID eventId) {
        events.requireOwned(eventId, organizerId);
        return repository.codes(eventId);
    }

    @Transactional
    DiscountCode addCode(UUID organizerId, UUID eventId, CatalogueRequests.Code request) {
        events.requireOwned(eventId, organizerId);
        if ((request.percentOff() == null) == (request.amountOffMinor() == null)) {
            throw Problems.unprocessable("percentOff", "give either percentOff or amountOffMinor");
        }
        if (request.validFrom() != null && request.validUntil() != null
                && !request.validUntil().isAfter(request.validFrom())) {
            throw Problems.unprocessable("validUntil", "must be after validFrom");
        }
        List<UUID> tierIds = request.tierIds() == null ? List.of() : List.copyOf(request.tierIds());
        for (int i = 0; i < tierIds.size(); i++) {
            if (repository.tier(eventId, tierIds.get(i)).isEmpty()) {
                throw Problems.unprocessable("tierIds[" + i + "]", "no tier " + tierIds.get(i) + " in this event");
            }
        }
        DiscountCode code = new DiscountCode(UUID.randomUUID(), eventId, request.code(), request.percentOff(),
                request.amountOffMinor(), request.maxUses(), 0, request.validFrom(), request.validUntil(), tierIds);
        if (!repository.insertCode(code)) {
            throw Problems.conflict("the event already has a code " + request.code());
        }
        return code;
    }

    private static TicketTier tier(UUID id, UUID eventId, CatalogueRequests.Tier request) {
        int min = request.minPerOrder() == null ? 1 : request.minPerOrder();
        int max = request.maxPerOrder() == null ? Math.max(10, min) : request.maxPerOrder();
        if (max < min) {
            throw Problems.unprocessable("maxPerOrder", "must be at least minPerOrder (" + min + ")");
        }
        if (request.salesStart() != null && request.salesEnd() != null
                && !request.salesEnd().isAfter(request.salesStart())) {
            throw Problems.unprocessable("salesEnd", "must be after salesStart");
        }
        return new TicketTier(id, eventId, request.name().strip(), request.description(), request.priceMinor(),
                request.quantity(), 0, request.salesStart(), request.salesEnd(), min, max,
                request.position() == null ? 0 : request.position());
    }

    /**
     * A rescheduled event's buyers may ask for their money back for a while
     * ({@code inviteflow.tickets.refund-window-after-reschedule}), whatever the usual cancellation rules.
     */
    @EventListener
    void moved(EventMoved moved) {
        repository.openRefundWindow(moved.eventId(), clock.instant().plus(refundWindow));
    }

    // --- checkout --------------------------------------------------------------------------------------------

    public Optional<TicketSettings> settings(UUID eventId) {
        return repository.settings(eventId);
    }

    public List<TicketTier> tiers(UUID eventId) {
        return repository.tiers(eventId);
    }

    public Optional<TicketTier> tier(UUID eventId, UUID tierId) {
        return repository.tier(eventId, tierId);
    }

    public Optional<DiscountCode> code(UUID eventId, String code) {
        return repository.code(eventId, code);
    }

    /** What one ticket of the tier includes (empty: not a bundle). */
    public List<Merchandise.Included> included(UUID tierId) {
        return repository.included(tierId);
    }

    /**
     * Holds the order's tickets and what they include, in the caller's transaction: every tier first, then the
     * merchandise summed over the order, each in id order, so two orders never wait on each other crosswise.
     *
     * @return the name of what ran out (a tier's or an item's), or null when everything was taken
     */
    public String takeAll(List<Pricing.Item> order) {
        java.util.Map<UUID, Integer> items = new java.util.TreeMap<>();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        for (Pricing.Item line : order.stream().sorted(java.util.Comparator.comparing(i -> i.tier().id())).toList()) {
            if (!repository.take(line.tier().id(), line.quantity())) {
                return line.tier().name();
            }
            for (Merchandise.Included item : repository.included(line.tier().id())) {
                items.merge(item.itemId(), Math.multiplyExact(item.quantity(), line.quantity()), Math::addExact);
                names.put(item.itemId(), item.name());
            }
        }
        for (var item : items.entrySet()) {
            if (!repository.takeItem(item.getKey(), item.getValue())) {
                return names.get(item.getKey());
            }
        }
        return null;
    }

    /**
     * Gives back tickets and what they include (an expired hold, a refunded order), in the order {@link #takeAll}
     * takes them: tiers first, then merchandise, each by id.
     *
     * @param tiers quantity per tier
     */
    public void giveBackAll(java.util.Map<UUID, Integer> tiers) {
        java.util.Map<UUID, Integer> items = new java.util.TreeMap<>();
        new java.util.TreeMap<>(tiers).forEach((tierId, quantity) -> {
            repository.giveBack(tierId, quantity);
            for (Merchandise.Included item : repository.included(tierId)) {
                items.merge(item.itemId(), item.quantity() * quantity, Integer::sum);
            }
        });
        items.forEach(repository::giveBackItem);
    }

    /** Counts one use of the code, or returns false when it has none left. Caller's transaction. */
    public boolean use(UUID codeId) {
        return repository.use(codeId);
    }

    public void unuse(UUID codeId) {
        repository.unuse(codeId);
    }
}
