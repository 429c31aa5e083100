package io.inviteflow.console.dashboard;

import io.inviteflow.console.core.CoreGuests;
import io.inviteflow.console.engagement.EventMetrics;
import io.inviteflow.console.engagement.OpensSpike;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard says about an event beyond its counters, as text: the funnel, how fast guests open and answer,
 * when they open (in the event's zone), through which channel and from which countries, what the people coming chose in the event's questions,
 * the latest spikes of opens, sales and social figures. Sections without data are
 * empty lists. Pure: tested without a browser.
 */
record InsightFigures(List<String> funnel, List<String> timing, List<String> bestHours, List<String> channels,
                      List<String> countries, List<String> answers, List<String> spikes, List<String> sales, List<String> social) {

    /** The funnel's steps, each a share of the invited guests. */
    private static final String[][] FUNNEL = {{"invited", "Invited"}, {"delivered", "Delivered"},
            {"opened", "Opened"}, {"answered", "Answered"}, {"yes", "Said yes"}};

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    static InsightFigures of(EventMetrics m, ZoneId zone, List<CoreGuests.Question> questions,
                             List<OpensSpike> spikes) {
        return new InsightFigures(funnel(m), timing(m), BestHours.of(m, zone, 3), channels(m), countries(m),
                QuestionFigures.of(m, questions), spikes(spikes, zone), sales(m), social(m));
    }

    /** Each spike's minute in the event's zone, its opens and the usual rate it was judged against. */
    private static List<String> spikes(List<OpensSpike> spikes, ZoneId zone) {
        return spikes.stream().map(s -> "%s: %s opens in one minute, usually %s".formatted(
                MINUTE.format(s.minuteStart().atZone(zone)), DashboardFigures.count(s.opens()),
                s.usualPerMinute() < 1 ? "under 1" : DashboardFigures.count(Math.round(s.usualPerMinute())))).toList();
    }

    private static List<String> funnel(EventMetrics m) {
        long invited = m.value("invited");
        if (invited == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String[] step : FUNNEL) {
            long n = m.value(step[0]);
            lines.add("%s: %s (%s)".formatted(step[1], DashboardFigures.count(n), DashboardFigures.rate(n, invited)));
        }
        return lines;
    }

    private static List<String> timing(EventMetrics m) {
        List<String> lines = new ArrayList<>();
        within(m, "time_to_open", "opened").ifPresent(lines::add);
        within(m, "time_to_answer", "answered").ifPresent(lines::add);
        return lines;
    }

    private static Optional<String> within(EventMetrics m, String metric, String verb) {
        Optional<Long> half = m.quantileBound(metric, 0.5);
        Optional<Long> most = m.quantileBound(metric, 0.9);
        if (half.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Half of those who %s did so within %s of the invitation, 9 in 10 within %s"
                .formatted(verb, bound(half.get()), bound(most.orElseThrow())));
    }

    /** A bucket's upper bound in words. */
    static String bound(long seconds) {
        if (seconds == Long.MAX_VALUE) {
            return "more than 30 days";
        }
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() >= 1) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " min";
    }

    private static List<String> channels(EventMetrics m) {
        Map<String, Long> byChannel = new LinkedHashMap<>();
        m.breakdown("opens_by_hour").forEach((slot, n) -> byChannel.merge(slot.split("\\|")[0], n, Long::sum));
        long total = byChannel.values().stream().mapToLong(Long::longValue).sum();
        return byChannel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> "%s: %s opens (%s)".formatted(channelName(e.getKey()), DashboardFigures.count(e.getValue()),
                        DashboardFigures.rate(e.getValue(), total)))
                .toList();
    }

    /** The five countries with the most opens, of the opens whose country the core was told. */
    private static List<String> countries(EventMetrics m) {
        long total = m.breakdown("opens_by_country").values().stream().mapToLong(Long::longValue).sum();
        return m.top("opens_by_country", 5).stream()
                .map(e -> "%s: %s opens (%s)".formatted(new Locale("", e.getKey()).getDisplayCountry(Locale.ENGLISH),
                        DashboardFigures.count(e.getValue()), DashboardFigures.rate(e.getValue(), total)))
                .toList();
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "email" -> "Email";
            case "sms" -> "Text message";
            case "push" -> "Push notification";
            case "link" -> "The invitation link itself";
            default -> channel;
        };
    }

    private static List<String> sales(EventMetrics m) {
        List<String> lines = new ArrayList<>();
        long paid = m.value("orders_paid");
        if (m.value("orders_placed") == 0) {
            return lines;
        }
        lines.add("Orders: %s placed, %s paid".formatted(DashboardFigures.count(m.value("orders_placed")),
                DashboardFigures.count(paid)));
        m.breakdown("revenue_minor").forEach((currency, minor) -> lines.add("Revenue: %s %s"
                .formatted(String.format(Locale.ENGLISH, "%,.2f", minor / 100.0), currency)));
        long tickets = m.breakdown("tickets").values().stream().mapToLong(Long::longValue).sum();
        long checkedIn = m.breakdown("checked_in").values().stream().mapToLong(Long::longValue).sum();
        if (tickets > 0) {
            lines.add("Tickets: %s, checked in %s (%s)".formatted(DashboardFigures.count(tickets),
                    DashboardFigures.count(checkedIn), DashboardFigures.rate(checkedIn, tickets)));
        }
        m.breakdown("refunded_minor").forEach((currency, minor) -> lines.add("Refunded: %s %s in %s refunds"
                .formatted(String.format(Locale.ENGLISH, "%,.2f", minor / 100.0), currency,
                        DashboardFigures.count(m.breakdown("refunds").getOrDefault(currency, 0L)))));
        m.breakdown("discount_uses").forEach((code, n) -> lines.add("Code %s: used %s times"
                .formatted(code, DashboardFigures.count(n))));
        return lines;
    }

    private static List<String> social(EventMetrics m) {
        List<String> lines = new ArrayList<>();
        long shares = m.breakdown("shares").values().stream().mapToLong(Long::longValue).sum();
        if (shares > 0) {
            lines.add("Shared %s times (%s)".formatted(DashboardFigures.count(shares),
                    String.join(", ", m.top("shares", 3).stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        }
        long referrals = m.breakdown("referrals").values().stream().mapToLong(Long::longValue).sum();
        if (referrals > 0) {
            lines.add("%s guests invited by other guests; the best sharer brought %s".formatted(
                    DashboardFigures.count(referrals), DashboardFigures.count(m.top("referrals", 1).get(0).getValue())));
        }
        if (m.value("wall_posts") + m.value("wall_comments") > 0) {
            lines.add("Wall: %s posts, %s comments, %s reactions".formatted(DashboardFigures.count(m.value("wall_posts")),
                    DashboardFigures.count(m.value("wall_comments")), DashboardFigures.count(m.value("reactions"))));
        }
        return lines;
    }
}
