package io.inviteflow.console.campaigns;

import io.inviteflow.console.dashboard.BestHours;
import io.inviteflow.console.engagement.EventMetrics;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When the organizer's guests open their invitations most: the hour of the week (in the organizer's zone) with the
 * most opens across all their events ({@code opens_by_hour} of the organizer, counted by the streaming job), offered
 * as a campaign's send time. Guests are not known across events in the activities, so this is per organizer, not
 * per guest. The opens are counted by UTC hour: the zone's offset of today is applied to all of them (an hour off
 * for the opens of the other half of a year with daylight saving).
 *
 * @param opens of all {@code total} opens, how many fell into this hour
 */
record BestSendTime(DayOfWeek day, int hour, int minute, long opens, long total) {

    /** Fewer opens than this say nothing about an hour of the week (168 of them). */
    static final long ENOUGH_OPENS = 50;

    static Optional<BestSendTime> of(EventMetrics metrics, ZoneId zone) {
        Map<Integer, Long> byLocalSlot = new HashMap<>();
        metrics.breakdown("opens_by_hour").forEach((slot, count) -> {
            String[] p = slot.split("\\|"); // channel|ISO weekday|hour, in UTC
            LocalDateTime local = BestHours.slotInZone(Integer.parseInt(p[1]), Integer.parseInt(p[2]), zone);
            // a zone half an hour off UTC keeps its minutes: its hour of opens starts at :30
            byLocalSlot.merge(local.getDayOfWeek().getValue() * 10_000 + local.getHour() * 100 + local.getMinute(),
                    count, Long::sum);
        });
        long total = byLocalSlot.values().stream().mapToLong(Long::longValue).sum();
        if (total < ENOUGH_OPENS) {
            return Optional.empty();
        }
        // the busiest slot; on a tie the earliest in the week, so the suggestion does not flicker
        return byLocalSlot.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .map(e -> new BestSendTime(DayOfWeek.of(e.getKey() / 10_000), e.getKey() / 100 % 100, e.getKey() % 100,
                        e.getValue(), total));
    }

    /** The next start of this hour after {@code now} (never {@code now} itself: that time would have passed). */
    LocalDateTime next(LocalDateTime now) {
        LocalDateTime candidate = now.with(TemporalAdjusters.nextOrSame(day)).withHour(hour).withMinute(minute)
                .withSecond(0).withNano(0);
        return candidate.isAfter(now) ? candidate : candidate.plusWeeks(1);
    }

    String label() {
        return String.format(Locale.ROOT, "%s %02d:%02d (%.0f %% of your guests' opens)",
                day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), hour, minute, 100.0 * opens / total);
    }
}
