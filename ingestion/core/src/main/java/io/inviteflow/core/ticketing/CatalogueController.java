package io.inviteflow.core.ticketing;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The organizer sets up what an event sells. */
@RestController
@RequestMapping("/api/v1/events/{eventId}")
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PutMapping("/ticket-settings")
    @Operation(summary = "Currency, VAT included in prices, service fee and what buyers may do themselves")
    TicketSettings saveSettings(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                @Valid @RequestBody CatalogueRequests.Settings request) {
        return catalogue.saveSettings(organizer.id(), eventId, request);
    }

    @GetMapping("/ticket-settings")
    TicketSettings settings(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return catalogue.settingsOwned(organizer.id(), eventId);
    }

    @GetMapping("/ticket-tiers")
    List<TicketTier> tiers(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return catalogue.tiersOwned(organizer.id(), eventId);
    }

    @PostMapping("/ticket-tiers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A kind of ticket: price in minor units (VAT included), quantity, sale window, order limits; "
            + "a bundle when it includes merchandise")
    TicketTier addTier(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                       @Valid @RequestBody CatalogueRequests.Tier request) {
        return catalogue.addTier(organizer.id(), eventId, request);
    }

    @PutMapping("/ticket-tiers/{tierId}")
    @Operation(summary = "Change a tier; its quantity cannot go below what is sold or held")
    TicketTier changeTier(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID tierId,
                          @Valid @RequestBody CatalogueRequests.Tier request) {
        return catalogue.changeTier(organizer.id(), eventId, tierId, request);
    }

    @GetMapping("/merchandise")
    List<Merchandise> merchandise(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return catalogue.merchandiseOwned(organizer.id(), eventId);
    }

    @PostMapping("/merchandise")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An item with its own stock, sold in bundles: a tier whose `includes` name it")
    Merchandise addMerchandise(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                               @Valid @RequestBody CatalogueRequests.Item request) {
        return catalogue.addMerchandise(organizer.id(), eventId, request);
    }

    @GetMapping("/discount-codes")
    List<DiscountCode> codes(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return catalogue.codesOwned(organizer.id(), eventId);
    }

    @PostMapping("/discount-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A code: percentOff or amountOffMinor, optional use cap, validity and tiers")
    DiscountCode addCode(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                         @Valid @RequestBody CatalogueRequests.Code request) {
        return catalogue.addCode(organizer.id(), eventId, request);
    }
}
