package io.inviteflow.console.insights;

import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.engagement.EventMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What an organizer learns across their events, from the streaming job's counters: which theme gets opened and
 * answered most, how events compare. Pure: tested without a browser.
 */
final class OrganizerInsights {

    /** Themes sent to fewer guests are listed but not ranked: a rate over a handful of guests says little. */
    static final long RANKED_FROM = 20;

    private OrganizerInsights() {
    }

    /** One theme's funnel over all the organizer's events. */
    record ThemeRow(String theme, long invited, long opened, long answered, long yes) {

        double openRate() {
            return invited == 0 ? 0 : (double) opened / invited;
        }

        /** Of the invited guests (not of those who answered): the theme's whole effect. */
        double yesRate() {
            return invited == 0 ? 0 : (double) yes / invited;
        }
    }

    /** One event's funnel. */
    record EventRow(CoreEvent event, long invited, long delivered, long opened, long answered, long yes) {
    }

    /** Themes by open rate, best first; themes under {@link #RANKED_FROM} invitations last, by size. */
    static List<ThemeRow> themes(EventMetrics organizer) {
        Map<String, Long> invited = organizer.breakdown("theme_invited");
        List<ThemeRow> rows = new ArrayList<>();
        invited.forEach((theme, n) -> rows.add(new ThemeRow(theme, n,
                organizer.breakdown("theme_opened").getOrDefault(theme, 0L),
                organizer.breakdown("theme_answered").getOrDefault(theme, 0L),
                organizer.breakdown("theme_yes").getOrDefault(theme, 0L))));
        rows.sort(Comparator.comparing((ThemeRow r) -> r.invited() < RANKED_FROM)
                .thenComparing(r -> r.invited() < RANKED_FROM ? 0 : -r.openRate())
                .thenComparing(r -> -r.invited()).thenComparing(ThemeRow::theme));
        return rows;
    }

    /** Every event with its funnel (zeros before the job has counted anything), in the core's order. */
    static List<EventRow> events(List<CoreEvent> events, Map<java.util.UUID, EventMetrics> funnels) {
        return events.stream().map(e -> {
            EventMetrics m = funnels.getOrDefault(e.id(), EventMetrics.NONE);
            return new EventRow(e, m.value("invited"), m.value("delivered"), m.value("opened"), m.value("answered"),
                    m.value("yes"));
        }).toList();
    }
}
