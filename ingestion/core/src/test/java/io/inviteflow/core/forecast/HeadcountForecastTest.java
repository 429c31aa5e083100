package io.inviteflow.core.forecast;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeadcountForecastTest {

    @Test
    void expectsTheSumOfTheChancesWithinANinetyPercentIntervalAndPartiesOfTheSizeSoFar() {
        // 100 pending at 0.5: mean 50, sd 5, 90 % interval 50 ± 8.2; 10 yeses so far brought 25 people
        HeadcountForecast forecast = HeadcountForecast.of(Collections.nCopies(100, 0.5), 10, 25);

        assertThat(forecast.pending()).isEqualTo(100);
        assertThat(forecast.expectedMoreYes()).isCloseTo(50.0, within(1e-9));
        assertThat(forecast.moreYesLow()).isEqualTo(41);
        assertThat(forecast.moreYesHigh()).isEqualTo(59);
        assertThat(forecast.expectedHeadcount()).isCloseTo(25 + 50 * 2.5, within(1e-9));
        assertThat(forecast.headcountLow()).isEqualTo(25 + Math.round(41 * 2.5));
        assertThat(forecast.headcountHigh()).isEqualTo(25 + Math.round(59 * 2.5));
    }

    @Test
    void theIntervalStaysWithinNobodyAndEverybodyPendingAndAPartyIsOneBeforeAnyYes() {
        HeadcountForecast sure = HeadcountForecast.of(List.of(0.99, 0.98), 0, 0);
        HeadcountForecast none = HeadcountForecast.of(List.of(), 3, 4);

        assertThat(sure.moreYesHigh()).isEqualTo(2);
        assertThat(sure.expectedHeadcount()).isCloseTo(1.97, within(1e-9));
        assertThat(none.expectedMoreYes()).isZero();
        assertThat(none.headcountLow()).isEqualTo(4);
        assertThat(none.headcountHigh()).isEqualTo(4);
    }
}
