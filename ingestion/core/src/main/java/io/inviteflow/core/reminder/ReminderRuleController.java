package io.inviteflow.core.reminder;

import io.inviteflow.core.security.AuthenticatedOrganizer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The organizer's reminder schedule of an event. */
@RestController
class ReminderRuleController {

    private final ReminderRules rules;

    ReminderRuleController(ReminderRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/v1/events/{eventId}/reminder-rules")
    @Operation(summary = "When the event reminds its guests, and how (a new event starts with its template's)")
    List<ReminderRule> rules(AuthenticatedOrganizer organizer, @PathVariable UUID eventId) {
        return rules.ofOwned(organizer.id(), eventId);
    }

    @PutMapping("/api/v1/events/{eventId}/reminder-rules")
    @Operation(summary = "Replace the schedule: up to 10 of {kind: BEFORE_EVENT | UNOPENED | MAYBE_BEFORE_DEADLINE, "
            + "offset: ISO-8601 duration from PT15M to P90D, channels: [EMAIL, PUSH]}")
    List<ReminderRule> replace(AuthenticatedOrganizer organizer, @PathVariable UUID eventId,
                               @NotNull @RequestBody List<ReminderRules.NewRule> requested) {
        return rules.replace(organizer.id(), eventId, requested);
    }
}
