package io.inviteflow.core.invitation;

import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The guest's page tells where the guest is (their browser's IANA time zone), so reminders keep to the guest's
 * quiet hours rather than the event's. Nothing else about the guest's place is asked or kept.
 */
@RestController
class GuestTimeZoneController {

    private final GuestAccess guests;
    private final InvitationRepository invitations;

    GuestTimeZoneController(GuestAccess guests, InvitationRepository invitations) {
        this.guests = guests;
        this.invitations = invitations;
    }

    record TimeZone(@NotBlank @Size(max = 64) String timeZone) {
    }

    @PostMapping("/i/{token}/time-zone")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The guest's time zone, as their browser reports it (Intl.DateTimeFormat): reminders wait "
            + "out the guest's night")
    void timeZone(@PathVariable String token, @jakarta.validation.Valid @RequestBody TimeZone zone) {
        GuestAccess.Guest guest = guests.require(token);
        String id;
        try {
            id = ZoneId.of(zone.timeZone()).getId();
        } catch (DateTimeException e) {
            throw Problems.unprocessable("timeZone", "an IANA time zone such as Europe/Berlin");
        }
        // region names only: PostgreSQL reads offset forms such as UTC+05:30 with the opposite sign (POSIX), and the
        // campaigns in each guest's own time compute due times there
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw Problems.unprocessable("timeZone", "an IANA time zone such as Europe/Berlin");
        }
        invitations.setTimeZone(guest.invitationId(), id);
    }
}
