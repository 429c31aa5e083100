package io.inviteflow.console.dashboard;

import io.inviteflow.console.engagement.Engagement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dashboard's counters as text. Rates are shares of the invited guests: open rate = opened / invited,
 * answer rate = (yes + no + maybe) / invited; with nobody invited they are shown as a dash, not as 0 % or NaN.
 */
record DashboardFigures(String invited, String opened, String yes, String no, String maybe, String headcount,
                        String openRate, String answerRate, String asOf) {

    static final String NO_RATE = "–";
    static final String NO_DATA = "no data yet";
    private static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV", Locale.ENGLISH);

    /** @param zone the event's time zone, in which the as-of time is shown */
    static DashboardFigures of(Engagement e, ZoneId zone) {
        return new DashboardFigures(count(e.invited()), count(e.opened()), count(e.yes()), count(e.no()),
                count(e.maybe()), count(e.headcount()), rate(e.opened(), e.invited()),
                rate(e.answered(), e.invited()),
                e.asOf() == null ? NO_DATA : AS_OF.format(e.asOf().atZone(zone)));
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    static String rate(long part, long whole) {
        if (whole <= 0) {
            return NO_RATE;
        }
        return String.format(Locale.ENGLISH, "%.1f %%", 100.0 * part / whole);
    }
}
