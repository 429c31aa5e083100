package io.inviteflow.console.dashboard;

import io.inviteflow.console.engagement.EventMetrics;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The hours of the week with the most opens ({@code opens_by_hour}, all channels together), in a reader's zone. */
public final class BestHours {

    private BestHours() {
    }

    /** The {@code n} busiest hours, busiest first, as "Mon 19:00–20:00: 50 opens (50.0 %)". */
    public static List<String> of(EventMetrics m, ZoneId zone, int n) {
        Map<String, Long> byHour = new LinkedHashMap<>();
        m.breakdown("opens_by_hour").forEach((slot, count) -> {
            String[] p = slot.split("\\|"); // channel|ISO weekday|hour, in UTC
            byHour.merge(p[1] + "|" + p[2], count, Long::sum);
        });
        long total = byHour.values().stream().mapToLong(Long::longValue).sum();
        return byHour.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> "%s: %s opens (%s)".formatted(hourInZone(e.getKey(), zone),
                        DashboardFigures.count(e.getValue()), DashboardFigures.rate(e.getValue(), total)))
                .toList();
    }

    /**
     * An hour of the week counted in UTC (ISO weekday, hour), in {@code zone} at its current offset: only the
     * weekday, hour and minute of the result mean anything (a zone half an hour off UTC keeps its minutes).
     */
    public static LocalDateTime slotInZone(int isoWeekday, int utcHour, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.now());
        // 2024-01-01 was a Monday: any week will do, only weekday and time are kept
        return LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(isoWeekday - 1L).plusHours(utcHour)
                .atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset).toLocalDateTime();
    }

    /** "weekday|hour" in UTC as the local weekday and hour of {@code zone}, at the zone's current offset. */
    static String hourInZone(String weekdayAndHour, ZoneId zone) {
        String[] p = weekdayAndHour.split("\\|");
        LocalDateTime local = slotInZone(Integer.parseInt(p[0]), Integer.parseInt(p[1]), zone);
        DayOfWeek day = local.getDayOfWeek();
        return "%s %02d:%02d–%02d:%02d".formatted(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                local.getHour(), local.getMinute(), (local.getHour() + 1) % 24, local.getMinute());
    }
}
