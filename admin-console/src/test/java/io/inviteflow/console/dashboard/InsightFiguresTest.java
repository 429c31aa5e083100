package io.inviteflow.console.dashboard;

import io.inviteflow.console.core.CoreGuests;
import io.inviteflow.console.engagement.Counter;
import io.inviteflow.console.engagement.EventMetrics;
import io.inviteflow.console.engagement.OpensSpike;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InsightFiguresTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo"); // UTC+9, no daylight saving time

    @Test
    void theFunnelIsShownAsSharesOfTheInvitedGuests() {
        InsightFigures f = InsightFigures.of(metrics(c("invited", "", 200), c("delivered", "", 180),
                c("opened", "", 150), c("answered", "", 100), c("yes", "", 80)), TOKYO, List.of(), List.of());

        assertThat(f.funnel()).containsExactly("Invited: 200 (100.0 %)", "Delivered: 180 (90.0 %)",
                "Opened: 150 (75.0 %)", "Answered: 100 (50.0 %)", "Said yes: 80 (40.0 %)");
    }

    @Test
    void timesComeFromTheHistogramsBuckets() {
        InsightFigures f = InsightFigures.of(metrics(c("time_to_open", "60", 30), c("time_to_open", "300", 40),
                c("time_to_open", "86400", 25), c("time_to_open", "inf", 5)), TOKYO, List.of(), List.of());

        // 100 opens: the 50th is in the 1–5 min bucket, the 90th in the 3 h–1 day bucket
        assertThat(f.timing()).containsExactly(
                "Half of those who opened did so within 5 min of the invitation, 9 in 10 within 1 day");
        assertThat(InsightFigures.bound(Long.MAX_VALUE)).isEqualTo("more than 30 days");
    }

    @Test
    void theBestHoursAddUpTheChannelsAndAreShownInTheEventsZone() {
        InsightFigures f = InsightFigures.of(metrics(c("opens_by_hour", "email|1|10", 30),
                c("opens_by_hour", "link|1|10", 20), c("opens_by_hour", "sms|7|20", 40),
                c("opens_by_hour", "email|3|0", 10)), TOKYO, List.of(), List.of());

        // Monday 10:00 UTC is Monday 19:00 in Tokyo; Sunday 20:00 UTC is Monday 05:00 there
        assertThat(f.bestHours()).containsExactly("Mon 19:00–20:00: 50 opens (50.0 %)",
                "Mon 05:00–06:00: 40 opens (40.0 %)", "Wed 09:00–10:00: 10 opens (10.0 %)");
        assertThat(f.channels()).containsExactly("Email: 40 opens (40.0 %)", "Text message: 40 opens (40.0 %)",
                "The invitation link itself: 20 opens (20.0 %)");
    }

    @Test
    void theCountriesWithTheMostOpensByName() {
        InsightFigures f = InsightFigures.of(metrics(c("opens_by_country", "DE", 60), c("opens_by_country", "FR", 30),
                c("opens_by_country", "JP", 10)), TOKYO, List.of(), List.of());

        assertThat(f.countries()).containsExactly("Germany: 60 opens (60.0 %)", "France: 30 opens (30.0 %)",
                "Japan: 10 opens (10.0 %)");
    }

    @Test
    void theChoicesOfThePeopleComingAreListedPerQuestionInTheOrganizersOrder() {
        UUID meal = UUID.randomUUID();
        UUID nights = UUID.randomUUID();
        UUID song = UUID.randomUUID();
        UUID unanswered = UUID.randomUUID();
        var questions = List.of(
                new CoreGuests.Question(meal, "CHOICE", "Meal choice", List.of("Meat", "Fish", "Vegetarian"), true,
                        true, null, null),
                new CoreGuests.Question(song, "TEXT", "A song for the band", List.of(), false, false, null, null),
                new CoreGuests.Question(nights, "NUMBER", "Nights", List.of(), false, false, 1, 14),
                new CoreGuests.Question(unanswered, "CHOICE", "Shuttle", List.of("Yes", "No"), false, false, null,
                        null));

        InsightFigures f = InsightFigures.of(metrics(c("choices", meal + "|Fish", 12), c("choices", meal + "|Meat", 8),
                c("choices", nights + "|10", 1), c("choices", nights + "|2", 5), c("choices", unanswered + "|Yes", 0),
                c("choices", meal + "|Lobster", 1)), TOKYO, questions, List.of());

        assertThat(f.answers()).containsExactly("Meal choice — Meat: 8 · Fish: 12 · Vegetarian: 0 · Lobster: 1",
                "Nights — 2: 5 · 10: 1");
    }

    @Test
    void spikesAreShownInTheEventsZoneNewestFirstAsTheStoreGivesThem() {
        InsightFigures f = InsightFigures.of(EventMetrics.NONE, TOKYO, List.of(), List.of(
                new OpensSpike(Instant.parse("2026-11-28T05:32:00Z"), 1_240, 8.4),
                new OpensSpike(Instant.parse("2026-11-27T23:10:00Z"), 35, 0.2)));

        assertThat(f.spikes()).containsExactly("Sat 28 Nov 14:32: 1,240 opens in one minute, usually 8",
                "Sat 28 Nov 08:10: 35 opens in one minute, usually under 1");
    }

    @Test
    void salesAndSocialOnlyWhenThereAreAny() {
        assertThat(InsightFigures.of(EventMetrics.NONE, TOKYO, List.of(), List.of())).isEqualTo(
                new InsightFigures(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()));

        InsightFigures f = InsightFigures.of(metrics(c("orders_placed", "", 12), c("orders_paid", "", 10),
                c("revenue_minor", "EUR", 123_450), c("tickets", "t1", 15), c("tickets", "t2", 5),
                c("checked_in", "t1", 10), c("refunds", "EUR", 2), c("refunded_minor", "EUR", 5_000),
                c("shares", "whatsapp", 7), c("shares", "native", 3), c("referrals", "inv-a", 4),
                c("referrals", "inv-b", 1)), TOKYO, List.of(), List.of());

        assertThat(f.sales()).containsExactly("Orders: 12 placed, 10 paid", "Revenue: 1,234.50 EUR",
                "Tickets: 20, checked in 10 (50.0 %)", "Refunded: 50.00 EUR in 2 refunds");
        assertThat(f.social()).containsExactly("Shared 10 times (whatsapp 7, native 3)",
                "5 guests invited by other guests; the best sharer brought 4");
    }

    private static EventMetrics metrics(Counter... counters) {
        return new EventMetrics(List.of(counters));
    }

    private static Counter c(String metric, String dimension, long value) {
        return new Counter(metric, dimension, value);
    }
}
