package io.inviteflow.core.team;

import io.inviteflow.core.security.TeamAccess;
import io.inviteflow.core.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who on a team may use which endpoint for the organizer. The rules are on endpoint patterns, in one place, so a
 * new endpoint falls under them without anyone remembering to:
 * <ul>
 *   <li>a <b>co-organizer</b> works on their event through every {@code /api/v1/events/{id}/…} endpoint but the
 *       event's team, calling the event off, refunds and the sale's money settings (currency, VAT, fees) — the
 *       owner's, whose payment account pays; nothing else of the owner's;</li>
 *   <li>a <b>viewer</b> reads through the same endpoints ({@code GET}) but those that hand out something to use
 *       (discount codes), and changes nothing: 403 for those (the team and what stays the owner's: 404 as for a
 *       co-organizer);</li>
 *   <li><b>marketing</b> names the organizer they work for in the {@value #ORGANIZER_HEADER} header, and may use the
 *       campaigns, the contacts and their lists, and read the organizer's events (to aim campaigns at their guests).
 *   </li>
 * </ul>
 * Everything below looks things up by the organizer this returns, so a team member reaches exactly what the owner
 * would through the same endpoint — and endpoints under an event keep sub-resources to that event (an invitation of
 * another of the owner's events is not found through it; {@code AccessMatrixIT} tries).
 */
@Component
class TeamPolicy implements TeamAccess {

    static final String ORGANIZER_HEADER = "Inviteflow-Organizer";
    private static final String EVENT_SCOPE = "/api/v1/events/{";
    /** What stays the owner's within an event: calling it off, and money (refunds, the sale's currency and fees). */
    private static final Set<String> OWNER_ONLY = Set.of("POST /api/v1/events/{id}/cancel",
            "POST /api/v1/events/{eventId}/orders/{orderId}/refunds", "PUT /api/v1/events/{eventId}/ticket-settings");
    private static final String TEAM_SCOPE = "/api/v1/events/{eventId}/team";
    /** What a viewer may not read: something to use, not to look at (a code takes money off a ticket). */
    private static final Set<String> VIEWER_CLOSED = Set.of("/api/v1/events/{eventId}/discount-codes");
    private static final List<String> MARKETING_SCOPES = List.of("/api/v1/campaigns", "/api/v1/contacts",
            "/api/v1/contact-lists");
    private static final Set<String> MARKETING_READS = Set.of("/api/v1/events", "/api/v1/events/{id}");

    private final Teams teams;

    TeamPolicy(Teams teams) {
        this.teams = teams;
    }

    @Override
    public UUID actingFor(UUID signedIn, HttpServletRequest request, String pattern, Map<String, String> variables) {
        String named = request.getHeader(ORGANIZER_HEADER);
        if (named != null && !named.isBlank()) {
            return forNamedOrganizer(signedIn, parse(named), request.getMethod(), pattern);
        }
        return coOrganizedEventOwner(signedIn, request.getMethod(), pattern, variables).orElse(signedIn);
    }

    private UUID forNamedOrganizer(UUID signedIn, UUID organizer, String method, String pattern) {
        if (organizer.equals(signedIn)) {
            return signedIn;
        }
        if (!marketingMayUse(method, pattern)) {
            throw Problems.forbidden("a team member works for " + ORGANIZER_HEADER + " on campaigns and contacts only");
        }
        if (!teams.isMarketing(organizer, signedIn)) {
            throw Problems.forbidden("you are not on the marketing team of organizer " + organizer);
        }
        return organizer;
    }

    static boolean marketingMayUse(String method, String pattern) {
        if (pattern == null) {
            return false;
        }
        boolean scoped = MARKETING_SCOPES.stream().anyMatch(s -> pattern.equals(s) || pattern.startsWith(s + "/"));
        return scoped || "GET".equals(method) && MARKETING_READS.contains(pattern);
    }

    /**
     * The owner of the event a co-organizer's or viewer's request is about, when the endpoint is open to them.
     *
     * @throws org.springframework.web.ErrorResponseException 403 for a viewer's change
     */
    private Optional<UUID> coOrganizedEventOwner(UUID signedIn, String method, String pattern,
                                                 Map<String, String> variables) {
        if (pattern == null || !pattern.startsWith(EVENT_SCOPE) || OWNER_ONLY.contains(method + " " + pattern)
                || pattern.equals(TEAM_SCOPE) || pattern.startsWith(TEAM_SCOPE + "/")) {
            return Optional.empty();
        }
        String event = variables.containsKey("eventId") ? variables.get("eventId") : variables.get("id");
        UUID eventId;
        try {
            eventId = UUID.fromString(event);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty(); // the endpoint's own binding answers 400
        }
        Optional<Teams.Seat> seat = teams.seatOn(eventId, signedIn);
        if (seat.isPresent() && seat.get().role() == TeamRole.VIEWER
                && (!"GET".equals(method) || VIEWER_CLOSED.contains(pattern))) {
            throw Problems.forbidden(
                    "you follow this event as a viewer: changing it, and its discount codes, are for its organizers");
        }
        return seat.map(Teams.Seat::ownerId);
    }

    private static UUID parse(String organizer) {
        try {
            return UUID.fromString(organizer.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.unprocessable(ORGANIZER_HEADER, ORGANIZER_HEADER + " must be an organizer's id");
        }
    }
}
