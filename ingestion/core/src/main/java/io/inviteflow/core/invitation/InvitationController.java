package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
class InvitationController {

    /** One request invites a whole guest list; larger lists go in several requests (or a contact import). */
    static final int MAX_GUESTS_PER_REQUEST = 5000;

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    record GuestRequest(@NotBlank @Size(max = 200) String name,
                        @Email @Size(max = 254) String email,
                        @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "is not a phone number")
                        String phone) {
    }

    record InviteRequest(@NotNull @Size(min = 1, max = MAX_GUESTS_PER_REQUEST) List<@Valid @NotNull GuestRequest> guests,
                         @Size(max = 2000) String message) {
    }

    record InviteResponse(List<InvitationService.IssuedInvitation> invitations) {
    }

    record RsvpRequest(@NotNull Rsvp response, @Min(0) @Max(20) Integer plusOnes, @Size(max = 1000) String note) {
    }

    record RsvpResponse(UUID invitationId, Rsvp response, int plusOnes, String note, long answerVersion) {
    }

    @PostMapping("/api/v1/events/{eventId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InviteResponse invite(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                          @Valid @RequestBody InviteRequest request) {
        List<InvitationService.Guest> guests = request.guests().stream()
                .map(g -> new InvitationService.Guest(g.name(), g.email(), g.phone()))
                .toList();
        return new InviteResponse(invitations.invite(organizer.id(), eventId, guests, request.message()));
    }

    /** No login: the token in the path is the guest's key. The latest answer counts. */
    @PostMapping("/api/v1/invitations/{token}/rsvp")
    RsvpResponse answer(@PathVariable String token, @Valid @RequestBody RsvpRequest request) {
        int plusOnes = request.plusOnes() == null ? 0 : request.plusOnes();
        GuestInvitation answered = invitations.answer(token, request.response(), plusOnes, request.note());
        return new RsvpResponse(answered.id(), answered.response(), answered.plusOnes(), answered.note(),
                answered.answerVersion());
    }
}
