package io.inviteflow.console.reminders;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** How the console words a reminder rule ("1 day before the event"), and back to the ISO duration the core takes. */
final class ReminderWording {

    static final List<String> KINDS = List.of("BEFORE_EVENT", "UNOPENED", "MAYBE_BEFORE_DEADLINE");

    private ReminderWording() {
    }

    static String kind(String kind) {
        return switch (kind) {
            case "BEFORE_EVENT" -> "To guests coming (yes or maybe)";
            case "UNOPENED" -> "To guests who have not opened their invitation";
            case "MAYBE_BEFORE_DEADLINE" -> "To guests who said maybe";
            default -> kind;
        };
    }

    static String when(String kind, String offset) {
        String length = length(Duration.parse(offset));
        return switch (kind) {
            case "BEFORE_EVENT" -> length + " before the event";
            case "UNOPENED" -> length + " after the invitation";
            case "MAYBE_BEFORE_DEADLINE" -> length + " before the answer deadline (or the event)";
            default -> offset;
        };
    }

    static String channels(List<String> channels) {
        return channels.stream().map(ReminderWording::channel).collect(Collectors.joining(" and "));
    }

    static String channel(String channel) {
        return "PUSH".equals(channel) ? "Notification" : "Email";
    }

    static String duration(int amount, String unit) {
        return switch (unit) {
            case "minutes" -> Duration.ofMinutes(amount).toString();
            case "hours" -> Duration.ofHours(amount).toString();
            default -> Duration.ofDays(amount).toString();
        };
    }

    /** The largest whole unit: 7 days, 2 hours, 45 minutes. */
    static String length(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toMinutes() % 60 == 0) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
