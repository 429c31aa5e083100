package io.inviteflow.core.reminder;

import io.inviteflow.core.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Service-to-service API for batch-jobs' scheduled reminders: who is due in a window, paged by (rule, invitation) so a
 * restarted job resumes after the last one it handled.
 */
@RestController
class DueReminderController {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(7);

    private final DueReminders due;

    DueReminderController(DueReminders due) {
        this.due = due;
    }

    /** @param next the {@code after} of the next page, or null on the last */
    record Page(List<DueReminder> items, String next) {
    }

    @GetMapping("/api/v1/internal/due-reminders")
    Page due(@RequestParam Instant from, @RequestParam Instant to, @RequestParam(required = false) String after,
             @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
            throw Problems.unprocessable("to", "after from, and at most 7 days after it");
        }
        List<DueReminder> items = due.due(from, to, position(after), limit);
        DueReminder last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page(items, items.size() < limit ? null : last.ruleId() + ":" + last.invitationId());
    }

    private static DueReminders.Position position(String after) {
        if (after == null || after.isBlank()) {
            return DueReminders.Position.START;
        }
        String[] parts = after.split(":");
        try {
            return new DueReminders.Position(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw Problems.unprocessable("after", "the next of the previous page: <rule id>:<invitation id>");
        }
    }
}
