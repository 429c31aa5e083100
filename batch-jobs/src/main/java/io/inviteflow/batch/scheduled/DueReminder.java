package io.inviteflow.batch.scheduled;

import io.inviteflow.batch.push.PushTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A reminder of an event's schedule that is due for one guest, as the core's
 * {@code /api/v1/internal/due-reminders} sends it.
 *
 * @param kind          BEFORE_EVENT, UNOPENED or MAYBE_BEFORE_DEADLINE
 * @param channels      EMAIL and/or PUSH
 * @param startsAt      in the event's time zone
 * @param guestTimeZone the guest's browser's zone, or null (then the event's)
 * @param push          the guest's Web Push subscriptions
 */
public record DueReminder(UUID ruleId, String kind, Duration offset, Set<String> channels, Instant dueAt,
                          UUID eventId, String eventTitle, OffsetDateTime startsAt, String eventTimeZone,
                          UUID invitationId, String guestName, String guestEmail, String guestTimeZone,
                          String answer, String link, List<PushTarget> push) {

    public DueReminder {
        push = push == null ? List.of() : List.copyOf(push);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    /** The zone whose night is kept quiet: the guest's when their browser said, else the event's. */
    public String quietZone() {
        return guestTimeZone != null ? guestTimeZone : eventTimeZone;
    }

    /** The ledger's kind: {@code before-event/<rule id>} — one per rule and guest, ever (the channel is added). */
    public String ledgerKind() {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "/" + ruleId;
    }
}
