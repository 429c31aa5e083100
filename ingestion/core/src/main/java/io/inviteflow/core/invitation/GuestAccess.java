package io.inviteflow.core.invitation;

import io.inviteflow.core.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    GuestAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Guest> guest(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, party_event_id, guest_name FROM invitation "
                        + "WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", InvitationTokens.hash(token))
                .query((rs, row) -> new Guest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .optional();
    }

    /** @throws org.springframework.web.ErrorResponseException 404 for anything but a live invitation's token */
    public Guest require(String token) {
        return guest(token).orElseThrow(() -> Problems.notFound("invitation", "for this token"));
    }
}
