package io.inviteflow.console.campaigns;

import io.inviteflow.console.engagement.Counter;
import io.inviteflow.console.engagement.EventMetrics;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BestSendTimeTest {

    @Test
    void theHourOfTheWeekWithTheMostOpensAcrossChannelsInTheOrganizersZone() {
        // UTC: Tuesday 17:00 by email and push together beats Sunday 08:00
        EventMetrics metrics = new EventMetrics(List.of(opens("email|2|17", 30), opens("push|2|17", 15),
                opens("email|7|8", 40), opens("link|3|9", 5)));

        BestSendTime best = BestSendTime.of(metrics, ZoneId.of("UTC")).orElseThrow();
        BestSendTime inTokyo = BestSendTime.of(metrics, ZoneId.of("Asia/Tokyo")).orElseThrow();

        assertThat(best.day()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(best.hour()).isEqualTo(17);
        assertThat(best.label()).isEqualTo("Tue 17:00 (50 % of your guests' opens)");
        assertThat(inTokyo.day()).as("UTC+9, no daylight saving").isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(inTokyo.hour()).isEqualTo(2);
        BestSendTime inKolkata = BestSendTime.of(metrics, ZoneId.of("Asia/Kolkata")).orElseThrow();
        assertThat(inKolkata.label()).as("UTC+5:30").isEqualTo("Tue 22:30 (50 % of your guests' opens)");
    }

    @Test
    void tooFewOpensSayNothing() {
        assertThat(BestSendTime.of(new EventMetrics(List.of(opens("email|2|17", 49))), ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void theNextStartOfThatHourIsAlwaysAhead() {
        BestSendTime tuesday19 = new BestSendTime(DayOfWeek.TUESDAY, 19, 0, 10, 100);

        assertThat(tuesday19.next(LocalDateTime.of(2026, 11, 24, 18, 59))) // a Tuesday
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 19, 0));
        assertThat(tuesday19.next(LocalDateTime.of(2026, 11, 24, 19, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 19, 0));
        assertThat(tuesday19.next(LocalDateTime.of(2026, 11, 27, 9, 0))) // a Friday
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 19, 0));
    }

    private static Counter opens(String slot, long count) {
        return new Counter("opens_by_hour", slot, count);
    }
}
