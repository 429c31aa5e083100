package io.inviteflow.core.reminder;

import io.inviteflow.core.push.PushTargets;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A reminder that is due for one guest: batch-jobs decides whether to send it now (quiet hours) and sends it once
 * per channel.
 *
 * @param startsAt      in the event's time zone
 * @param guestTimeZone the zone the guest's browser reported, or null (then the event's counts)
 * @param answer        YES, NO, MAYBE or null
 * @param link          the guest's invitation page
 * @param push          the guest's Web Push subscriptions (empty: email only)
 */
public record DueReminder(UUID ruleId, ReminderRule.Kind kind, Duration offset, Set<ReminderRule.Channel> channels,
                          Instant dueAt, UUID eventId, String eventTitle, OffsetDateTime startsAt,
                          String eventTimeZone, UUID invitationId, String guestName, String guestEmail,
                          String guestTimeZone, String answer, String link, List<PushTargets.PushTarget> push) {

    DueReminder withPush(List<PushTargets.PushTarget> targets) {
        return new DueReminder(ruleId, kind, offset, channels, dueAt, eventId, eventTitle, startsAt, eventTimeZone,
                invitationId, guestName, guestEmail, guestTimeZone, answer, link, List.copyOf(targets));
    }
}
