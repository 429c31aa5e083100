package io.inviteflow.streaming.totals;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBucketsTest {

    @Test
    void aDurationFallsInTheFirstBucketWhoseUpperBoundIsAboveIt() {
        assertThat(TimeBuckets.of(-5_000)).isEqualTo("60");
        assertThat(TimeBuckets.of(59_999)).isEqualTo("60");
        assertThat(TimeBuckets.of(60_000)).isEqualTo("300");
        assertThat(TimeBuckets.of(2_591_999_000L)).isEqualTo("2592000");
        assertThat(TimeBuckets.of(2_592_000_000L)).isEqualTo(TimeBuckets.LONGER);
    }

    @Test
    void hourOfWeekIsTheIsoWeekdayAndHourInUtc() {
        assertThat(TimeBuckets.hourOfWeek("email", Instant.parse("2026-11-23T00:00:00Z").toEpochMilli()))
                .isEqualTo("email|1|0"); // a Monday
        assertThat(TimeBuckets.hourOfWeek("sms", Instant.parse("2026-11-29T23:59:59Z").toEpochMilli()))
                .isEqualTo("sms|7|23"); // a Sunday
        assertThat(TimeBuckets.hourOfWeek("link", Instant.parse("1969-12-31T22:30:00Z").toEpochMilli()))
                .isEqualTo("link|3|22"); // before the epoch: a Wednesday
    }
}
