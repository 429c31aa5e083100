package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The core's team API: an event's co-organizers and an organizer's marketing team (the owner's), the teams one is on,
 * joining from a mailed link. Errors as {@link CoreClient} throws them.
 */
@Component
public class CoreTeams {

    /** An event's co-organizers, or (no event) the owner's marketing team. */
    public record Scope(UUID eventId) {
        public static final Scope MARKETING = new Scope(null);

        String path() {
            return eventId == null ? "/api/v1/organizers/me/team" : "/api/v1/events/" + eventId + "/team";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(UUID memberId, String name, String email, String role, Instant addedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(UUID id, String email, String role, Instant createdAt, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(List<Member> members, List<Invitation> invitations) {
    }

    /** A team the signed-in person is on: a co-organized event ({@code eventId}), or marketing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Membership(UUID ownerId, String ownerName, String role, UUID eventId, String eventTitle) {
        public boolean marketing() {
            return eventId == null;
        }
    }

    /** What a mailed link invites to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offer(UUID ownerId, String ownerName, String role, UUID eventId, String eventTitle,
                        Instant expiresAt) {
    }

    private final CoreClient core;

    public CoreTeams(CoreClient core) {
        this.core = core;
    }

    public Team team(String token, Scope scope) {
        return CoreClient.call(() -> core.rest().get().uri(scope.path())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Team.class));
    }

    /**
     * Mails the address a link to join; {@link CoreClient.Refused} for an address that is not one, or 429.
     *
     * @param role on an event's team, {@code CO_ORGANIZER} or {@code VIEWER}; null for the marketing team
     */
    public void invite(String token, Scope scope, String email, String role) {
        Map<String, String> body = role == null ? Map.of("email", email) : Map.of("email", email, "role", role);
        CoreClient.call(() -> core.rest().post().uri(scope.path() + "/invitations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toBodilessEntity());
    }

    /** What a role is called in the console. */
    public static String words(String role) {
        return switch (role) {
            case "CO_ORGANIZER" -> "Co-organizer";
            case "VIEWER" -> "Viewer";
            case "MARKETING" -> "Marketing";
            default -> role;
        };
    }

    public void withdraw(String token, Scope scope, UUID invitationId) {
        CoreClient.call(() -> core.rest().delete().uri(scope.path() + "/invitations/{id}", invitationId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    public void remove(String token, Scope scope, UUID memberId) {
        CoreClient.call(() -> core.rest().delete().uri(scope.path() + "/members/{id}", memberId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    public List<Membership> memberships(String token) {
        return CoreClient.call(() -> core.rest().get().uri("/api/v1/organizers/me/memberships")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .body(new ParameterizedTypeReference<List<Membership>>() { }));
    }

    /** The signed-in organizer's role on an event they can open: the owner's unless they are on its team. */
    public EventRole roleOn(String token, UUID eventId) {
        return memberships(token).stream().filter(m -> eventId.equals(m.eventId())).findFirst()
                .map(m -> "VIEWER".equals(m.role()) ? EventRole.VIEWER : EventRole.CO_ORGANIZER)
                .orElse(EventRole.OWNER);
    }

    public void leave(String token, Membership membership) {
        CoreClient.call(() -> core.rest().delete()
                .uri(uri -> {
                    uri.path("/api/v1/organizers/me/memberships/{owner}");
                    if (membership.eventId() != null) {
                        uri.queryParam("eventId", membership.eventId());
                    }
                    return uri.build(membership.ownerId());
                })
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toBodilessEntity());
    }

    /** {@link CoreClient.NotFound} for a link used, withdrawn or expired. */
    public Offer offer(String token, String link) {
        return CoreClient.call(() -> core.rest().get().uri("/api/v1/team-invitations/{t}", link)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Offer.class));
    }

    public Offer accept(String token, String link) {
        return CoreClient.call(() -> core.rest().post().uri("/api/v1/team-invitations/{t}/accept", link)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(Offer.class));
    }
}
