package io.inviteflow.batch.campaign;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignPaceTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aheadOfItsRateTheRunWaitsUntilThePeopleSentCouldHaveBeenSent() {
        CampaignPace pace = new CampaignPace(60, now::get, millis -> { });
        now.set(0);
        assertThat(pace.waitMillis(0)).isZero(); // the run starts
        now.set(5_000_000_000L);                 // 5 s later, 50 people sent: 60 a minute means 50 s
        assertThat(pace.waitMillis(50)).isEqualTo(45_000);
        now.set(50_000_000_000L);
        assertThat(pace.waitMillis(50)).isZero();
    }

    @Test
    void aSlowServerIsNotSlowedFurther() {
        CampaignPace pace = new CampaignPace(600, now::get, millis -> { });
        now.set(0);
        pace.waitMillis(0);
        now.set(20_000_000_000L); // 20 s for 100 people: slower than 600 a minute (10 s) already
        assertThat(pace.waitMillis(100)).isZero();
    }
}
