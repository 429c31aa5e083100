package io.inviteflow.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtcInstantDeserializerTest {

    private final ActivityCodec codec = new ActivityCodec();

    @Test
    void readsEveryUtcInstantLikeInstantParse() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // years 1 to 9999, any nanosecond cut to 0 to 9 digits (ISO_INSTANT prints them in threes)
            Instant instant = Instant.ofEpochSecond(-62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L),
                    truncated(random.nextInt(1_000_000_000), random));
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(UtcInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsAnyNumberOfFractionDigits() { // ISO_INSTANT prints them in threes; producers may not
        for (int digits = 1; digits <= 9; digits++) {
            String text = "2026-11-26T23:30:00." + "123456789".substring(0, digits) + "Z";
            assertThat(UtcInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherShapeToJackson() {
        assertThat(UtcInstantDeserializer.parse("2026-11-26T23:30:00+01:00")).isNull();
        assertThat(UtcInstantDeserializer.parse("2026-11-26 23:30:00Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2026-11-26T23:30:60Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2026-02-30T23:30:00Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2026-11-26T23:30:00.Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("2026-11-26T23:30:0x.1Z")).isNull();
        assertThat(UtcInstantDeserializer.parse("+12026-11-26T23:30:00Z")).isNull();
    }

    @Test
    void anActivityWithAnOffsetOrANumberStillDecodes() {
        assertThat(codec.fromJson(activityAt("\"2026-11-26T23:30:00.5+01:00\"")).occurredAt())
                .isEqualTo(Instant.parse("2026-11-26T22:30:00.5Z"));
        assertThat(codec.fromJson(activityAt("1764199800.25")).occurredAt())
                .isEqualTo(Instant.parse("2025-11-26T23:30:00.25Z"));
    }

    @Test
    void anImpossibleDateIsStillMalformed() {
        assertThatThrownBy(() -> codec.fromJson(activityAt("\"2026-02-30T10:00:00Z\"")))
                .isInstanceOf(ActivityCodec.MalformedActivityException.class);
    }

    private static int truncated(int nanos, Random random) {
        int digits = random.nextInt(10);
        int unit = (int) Math.pow(10, 9 - digits);
        return nanos / unit * unit;
    }

    private static byte[] activityAt(String occurredAt) {
        return ("""
                {"eventId":"0b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f","type":"INVITATION_OPENED","schemaVersion":1,
                 "aggregateType":"invitation","aggregateId":"1b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f",
                 "partyEventId":"2b0c4c52-5c5e-4d6e-9a8e-2f0a3c1d2e3f","occurredAt":%s,"payload":{}}
                """.formatted(occurredAt)).getBytes(StandardCharsets.UTF_8);
    }
}
