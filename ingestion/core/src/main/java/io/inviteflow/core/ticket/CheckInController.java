package io.inviteflow.core.ticket;

import io.inviteflow.core.event.Events;
import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.inviteflow.core.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Check-in: devices for the doors (organizer), scans (a device's link), the count so far (organizer). */
@RestController
class CheckInController {

    private final CheckInDevices devices;
    private final CheckIn checkIn;
    private final TicketRepository tickets;
    private final io.inviteflow.core.CoreProperties core;
    private final Events events;

    CheckInController(CheckInDevices devices, CheckIn checkIn, TicketRepository tickets,
                      io.inviteflow.core.CoreProperties core, Events events) {
        this.devices = devices;
        this.events = events;
        this.checkIn = checkIn;
        this.tickets = tickets;
        this.core = core;
    }

    record NewDevice(@NotBlank @Size(max = 100) String name) {
    }

    /** @param scannerUrl the page staff open on the device; it holds the device's token */
    record IssuedDevice(CheckInDevices.Device device, String scannerUrl) {
    }

    @PostMapping("/api/v1/events/{eventId}/check-in-devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A scanner link for one door; the link is shown only now")
    IssuedDevice addDevice(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                           @Valid @RequestBody NewDevice request) {
        CheckInDevices.Issued issued = devices.create(organizer.id(), eventId, request.name());
        return new IssuedDevice(issued.device(), core.publicUrl() + "/checkin/" + issued.token());
    }

    @GetMapping("/api/v1/events/{eventId}/check-in-devices")
    List<CheckInDevices.Device> devices(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return devices.list(organizer.id(), eventId);
    }

    @DeleteMapping("/api/v1/events/{eventId}/check-in-devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(AuthenticatedOrganizer organizer, @PathVariable UUID eventId, @PathVariable UUID deviceId) {
        if (!devices.revoke(organizer.id(), eventId, deviceId)) {
            throw Problems.notFound("device", deviceId);
        }
    }

    record Scan(@NotNull @Size(max = 200) String code) {
    }

    @PostMapping("/checkin/{deviceToken}/scans")
    @Operation(summary = "A door scanned a code: ADMITTED, ALREADY_USED (when, where), WRONG_EVENT, REFUNDED, "
            + "CANCELLED, REPLACED or INVALID")
    CheckIn.Result scan(@PathVariable String deviceToken, @Valid @RequestBody Scan scan) {
        CheckInDevices.Device device = devices.byToken(deviceToken)
                .orElseThrow(() -> Problems.notFound("device", "for this link"));
        return checkIn.scan(device.eventId(), scan.code(), device.name());
    }

    record Attendance(int tickets, int checkedIn) {
    }

    @GetMapping("/api/v1/events/{eventId}/check-ins")
    @Operation(summary = "Valid tickets and how many of them are in")
    Attendance attendance(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        events.requireOwned(eventId, organizer.id());
        TicketRepository.Counts counts = tickets.counts(eventId);
        return new Attendance(counts.valid(), counts.checkedIn());
    }
}
