package io.inviteflow.batch.scheduled;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void theNightWrapsMidnightInTheRecipientsZone() {
        // 2027-01-15: Berlin is UTC+1
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-15T19:59:00Z"), BERLIN)).isFalse(); // 20:59
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-15T20:00:00Z"), BERLIN)).isTrue();  // 21:00
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-15T23:30:00Z"), BERLIN)).isTrue();  // 00:30
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-16T06:59:00Z"), BERLIN)).isTrue();  // 07:59
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-16T07:00:00Z"), BERLIN)).isFalse(); // 08:00
        // the same instant is afternoon in Tokyo
        assertThat(NIGHT.quietAt(Instant.parse("2027-01-15T23:30:00Z"), ZoneId.of("Asia/Tokyo"))).isFalse();
    }

    @Test
    void aWindowWithinOneDayAndNoWindowAtAll() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(siesta.quietAt(Instant.parse("2027-07-01T12:00:00Z"), BERLIN)).isTrue();  // 14:00 (UTC+2)
        assertThat(siesta.quietAt(Instant.parse("2027-07-01T13:00:00Z"), BERLIN)).isFalse(); // 15:00
        QuietHours never = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(never.quietAt(Instant.parse("2027-07-01T01:00:00Z"), BERLIN)).isFalse();
    }
}
