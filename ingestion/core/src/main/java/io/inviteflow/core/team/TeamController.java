package io.inviteflow.core.team;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.event.PartyEvent;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.security.SecurityAudit;
import io.inviteflow.core.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Teams: an event's co-organizers and an organizer's marketing team, managed by the owner; the teams one is on; the
 * mailed invitations' join step. What members may do is {@link TeamPolicy}'s.
 */
@RestController
class TeamController {

    /** @param role on an event's team, {@code CO_ORGANIZER} (the default) or {@code VIEWER}; ignored for marketing */
    record Invite(@NotBlank @Email @Size(max = 320) String email, TeamRole role) {
    }

    record Team(List<Teams.Member> members, List<TeamInvites.Pending> invitations) {
    }

    private final Teams teams;
    private final TeamInvites invites;
    private final Events events;
    private final SecurityAudit audit;

    TeamController(Teams teams, TeamInvites invites, Events events, SecurityAudit audit) {
        this.teams = teams;
        this.invites = invites;
        this.events = events;
        this.audit = audit;
    }

    // --- an event's co-organizers and viewers: the owner's only (TeamPolicy keeps team members off these) ---

    @GetMapping("/api/v1/events/{eventId}/team")
    Team eventTeam(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        return new Team(teams.members(organizer.id(), eventId), invites.pending(organizer.id(), eventId));
    }

    @PostMapping("/api/v1/events/{eventId}/team/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    TeamInvites.Pending inviteToEvent(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                          @Valid @RequestBody Invite request) {
        PartyEvent event = events.requireOwned(eventId, organizer.id());
        TeamRole role = request.role() == null ? TeamRole.CO_ORGANIZER : request.role();
        if (role == TeamRole.MARKETING) {
            throw Problems.unprocessable("role", "an event's team has co-organizers and viewers; marketing is "
                    + "invited from /api/v1/organizers/me/team");
        }
        return invites.invite(organizer.id(), event, role, request.email());
    }

    @DeleteMapping("/api/v1/events/{eventId}/team/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawCoOrganizerInvitation(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                                       @PathVariable UUID invitationId) {
        events.requireOwned(eventId, organizer.id());
        if (!invites.withdraw(organizer.id(), eventId, invitationId)) {
            throw Problems.notFound("team invitation", invitationId);
        }
    }

    @DeleteMapping("/api/v1/events/{eventId}/team/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeCoOrganizer(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID memberId) {
        events.requireOwned(eventId, organizer.id());
        remove(organizer, memberId, eventId);
    }

    // --- the signed-in organizer's marketing team ---

    @GetMapping("/api/v1/organizers/me/team")
    Team marketingTeam(AuthenticatedOrganizer organizer) {
        return new Team(teams.members(organizer.id(), null), invites.pending(organizer.id(), null));
    }

    @PostMapping("/api/v1/organizers/me/team/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    TeamInvites.Pending inviteMarketing(AuthenticatedOrganizer organizer, @Valid @RequestBody Invite request) {
        return invites.invite(organizer.id(), null, TeamRole.MARKETING, request.email());
    }

    @DeleteMapping("/api/v1/organizers/me/team/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawMarketingInvitation(AuthenticatedOrganizer organizer, @PathVariable UUID invitationId) {
        if (!invites.withdraw(organizer.id(), null, invitationId)) {
            throw Problems.notFound("team invitation", invitationId);
        }
    }

    @DeleteMapping("/api/v1/organizers/me/team/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMarketing(AuthenticatedOrganizer organizer, @PathVariable UUID memberId) {
        remove(organizer, memberId, null);
    }

    private void remove(AuthenticatedOrganizer owner, UUID memberId, UUID eventId) {
        if (!teams.remove(owner.id(), memberId, eventId)) {
            throw Problems.notFound("team member", memberId);
        }
        audit.record(owner.id(), SecurityAudit.Action.TEAM_MEMBER_REMOVED, memberId.toString());
    }

    // --- the teams one is on ---

    @GetMapping("/api/v1/organizers/me/memberships")
    List<Teams.Membership> memberships(AuthenticatedOrganizer organizer) {
        return teams.of(organizer.signedIn());
    }

    /** Leaves an organizer's marketing team, or with {@code eventId} the team of one of their events. */
    @DeleteMapping("/api/v1/organizers/me/memberships/{ownerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(AuthenticatedOrganizer organizer, @PathVariable UUID ownerId,
               @RequestParam(required = false) UUID eventId) {
        if (!teams.remove(ownerId, organizer.signedIn(), eventId)) {
            throw Problems.notFound("team of organizer", ownerId);
        }
        audit.record(ownerId, SecurityAudit.Action.TEAM_LEFT, organizer.signedIn().toString());
    }

    // --- the mailed link, opened signed in ---

    @GetMapping("/api/v1/team-invitations/{token}")
    TeamInvites.Offer offer(AuthenticatedOrganizer organizer, @PathVariable String token) {
        return invites.offer(token).orElseThrow(() -> Problems.notFound("team invitation", "behind this link"));
    }

    @PostMapping("/api/v1/team-invitations/{token}/accept")
    TeamInvites.Offer accept(AuthenticatedOrganizer organizer, @PathVariable String token) {
        return invites.accept(token, organizer.signedIn());
    }
}
