package io.inviteflow.core.invitation;

import io.inviteflow.contract.Payloads.Rsvp;
import io.inviteflow.core.contact.Contact;
import io.inviteflow.core.contact.Contacts;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.template.TemplateCatalogue;
import io.inviteflow.core.web.Problems;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
class InvitationController {

    /** One request invites a whole guest list; larger lists go in several requests. */
    static final int MAX_GUESTS_PER_REQUEST = 5000;

    private final InvitationService invitations;
    private final Contacts contacts;
    private final TemplateCatalogue templates;

    InvitationController(InvitationService invitations, Contacts contacts, TemplateCatalogue templates) {
        this.invitations = invitations;
        this.contacts = contacts;
        this.templates = templates;
    }

    record GuestRequest(@NotBlank @Size(max = 200) String name,
                        @Email @Size(max = 254) String email,
                        @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "is not a phone number")
                        String phone,
                        @Size(max = 2000) String message,
                        @Size(max = 80) String theme,
                        @Min(0) @Max(20) Integer maxPlusOnes) {
    }

    /**
     * Guests given one by one, a contact list, chosen contacts, or any mix (each contact once). {@code message} may
     * use merge fields ({firstName}, {eventTitle}…); {@code theme} and {@code maxPlusOnes} apply to every guest that
     * does not set its own.
     */
    record InviteRequest(@Size(max = MAX_GUESTS_PER_REQUEST) List<@Valid @NotNull GuestRequest> guests,
                         UUID contactListId,
                         @Size(max = MAX_GUESTS_PER_REQUEST) List<@NotNull UUID> contactIds,
                         @Size(max = 2000) String message,
                         @Size(max = 80) String theme,
                         @Min(0) @Max(20) Integer maxPlusOnes) {
    }

    record InviteResponse(List<InvitationService.IssuedInvitation> invitations) {
    }

    record AnswerRequest(@NotNull UUID questionId, @Min(0) @Max(20) int guest, @Size(max = 1000) String value) {
    }

    record RsvpRequest(@NotNull Rsvp response, @Min(0) @Max(20) Integer plusOnes, @Size(max = 1000) String note,
                       @Size(max = 500) List<@Valid @NotNull AnswerRequest> answers) {
    }

    record RsvpResponse(UUID invitationId, Rsvp response, int plusOnes, String note, long answerVersion,
                        Attendance attendance, List<QuestionAnswer> answers) {
    }

    @PostMapping("/api/v1/events/{eventId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InviteResponse invite(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                          @Valid @RequestBody InviteRequest request) {
        List<InvitationService.Guest> guests = guests(organizer, request);
        return new InviteResponse(invitations.invite(organizer.id(), eventId, guests,
                new InvitationService.Defaults(request.message(), request.theme(), request.maxPlusOnes())));
    }

    /** The invitation's link stops working at once (a forwarded link, a guest who should not come after all). */
    @PostMapping("/api/v1/events/{eventId}/invitations/{invitationId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID invitationId) {
        invitations.revoke(organizer.id(), eventId, invitationId);
    }

    /** No login: the token in the path is the guest's key. The latest answer counts. */
    @PostMapping("/api/v1/invitations/{token}/rsvp")
    RsvpResponse answer(@PathVariable String token, @Valid @RequestBody RsvpRequest request) {
        int plusOnes = request.plusOnes() == null ? 0 : request.plusOnes();
        List<QuestionAnswer> answers = request.answers() == null ? List.of() : request.answers().stream()
                .map(a -> new QuestionAnswer(a.questionId(), a.guest(), a.value())).toList();
        GuestInvitation answered = invitations.answer(token, request.response(), plusOnes, request.note(), answers);
        return new RsvpResponse(answered.id(), answered.response(), answered.plusOnes(), answered.note(),
                answered.answerVersion(), answered.attendance(), answered.answers());
    }

    /**
     * The guests named, and those of the contacts chosen: the signed-in person's own address book, also for a
     * co-organizer (the owner's stays the owner's), whose guests are then copied without a link to the contact.
     */
    private List<InvitationService.Guest> guests(AuthenticatedOrganizer organizer, InviteRequest request) {
        MergeFields.check("message", request.message());
        checkTheme("theme", request.theme());
        List<InvitationService.Guest> guests = new ArrayList<>();
        List<GuestRequest> given = request.guests() == null ? List.of() : request.guests();
        for (int i = 0; i < given.size(); i++) {
            GuestRequest g = given.get(i);
            MergeFields.check("guests[" + i + "].message", g.message());
            checkTheme("guests[" + i + "].theme", g.theme());
            guests.add(new InvitationService.Guest(g.name(), null, null, g.email(), g.phone(), g.message(), g.theme(),
                    g.maxPlusOnes(), null));
        }
        if (request.contactListId() != null || request.contactIds() != null) {
            for (Contact c : contacts.resolve(organizer.signedIn(), request.contactListId(), request.contactIds())) {
                guests.add(new InvitationService.Guest(c.displayName(), c.firstName(), c.lastName(), c.bestEmail(),
                        c.bestPhone(), null, null, null, organizer.onATeam() ? null : c.id()));
            }
        }
        if (guests.isEmpty()) {
            throw Problems.unprocessable("guests", "name at least one guest, a contactListId or contactIds");
        }
        if (guests.size() > MAX_GUESTS_PER_REQUEST) {
            throw Problems.unprocessable("guests", "at most " + MAX_GUESTS_PER_REQUEST
                    + " guests per request; this one reaches " + guests.size());
        }
        return guests;
    }

    private void checkTheme(String field, String theme) {
        if (theme != null && templates.theme(theme).isEmpty()) {
            throw Problems.unprocessable(field, "no theme '" + theme + "'; GET /api/v1/templates lists them");
        }
    }
}
