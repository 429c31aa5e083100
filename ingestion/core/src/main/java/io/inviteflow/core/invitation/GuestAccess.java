package io.inviteflow.core.invitation;

import io.inviteflow.core.web.Problems;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The door to everything a guest does beyond answering (wall, chat, push, sharing): the invitation token is the
 * guest's key. A forged, unknown or revoked token is the same 404, so a stranger learns nothing about the event.
 */
@Component
public class GuestAccess {

    /** The guest behind a token. */
    public record Guest(UUID invitationId, UUID eventId, String name) {
    }

    private final InvitationRepository repository;
    private final InvitationTokens tokens;

    GuestAccess(InvitationRepository repository, InvitationTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    /** The path of the guest's page, {@code /i/<token>} (no chat key: for links to the guest's own documents). */
    public String pagePath(UUID invitationId) {
        return "/i/" + tokens.tokenFor(invitationId);
    }

    public Optional<Guest> guest(String token) {
        return InvitationTokens.wellFormed(token) ? repository.findGuest(token) : Optional.empty();
    }

    /** @throws org.springframework.web.ErrorResponseException 404 for anything but a live invitation's token */
    public Guest require(String token) {
        return guest(token).orElseThrow(() -> Problems.notFound("invitation", "for this token"));
    }
}
