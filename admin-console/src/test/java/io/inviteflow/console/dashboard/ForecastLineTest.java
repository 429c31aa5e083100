package io.inviteflow.console.dashboard;

import io.inviteflow.console.core.CoreForecast;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastLineTest {

    @Test
    void saysTheExpectedHeadcountWithItsIntervalOrThatEverybodyAnswered() {
        var answers = new CoreForecast.Answers(10, 4, 6, 3, 1);

        Optional<String> pending = ForecastLine.of(Optional.of(new CoreForecast("v2", answers,
                new CoreForecast.Forecast(2, 1.2, 0, 2, 7.8, 6, 9))));
        Optional<String> done = ForecastLine.of(Optional.of(new CoreForecast("v2", answers,
                new CoreForecast.Forecast(0, 0, 0, 0, 6, 6, 6))));

        assertThat(pending).hasValue("Expected headcount once everybody answered: 8 (90 %: 6–9), of whom 6 already "
                + "said yes; 2 invitations await an answer (answer model v2).");
        assertThat(done).hasValue("Everybody answered: 6 people are coming.");
        assertThat(ForecastLine.of(Optional.empty())).isEmpty();
    }
}
