package io.inviteflow.console.dashboard;

import io.inviteflow.console.core.CoreForecast;

import java.util.Locale;
import java.util.Optional;

/** The dashboard's sentence about the headcount to expect, from the core's forecast; none without an answer model. */
final class ForecastLine {

    private ForecastLine() {
    }

    static Optional<String> of(Optional<CoreForecast> forecast) {
        return forecast.filter(f -> f.forecast() != null && f.answers() != null).map(f -> {
            CoreForecast.Forecast next = f.forecast();
            if (next.pending() == 0) {
                return String.format(Locale.ROOT, "Everybody answered: %,d people are coming.",
                        f.answers().yesHeadcount());
            }
            return String.format(Locale.ROOT, "Expected headcount once everybody answered: %,.0f (90 %%: %,d–%,d), "
                            + "of whom %,d already said yes; %,d invitations await an answer (answer model %s).",
                    next.expectedHeadcount(), next.headcountLow(), next.headcountHigh(), f.answers().yesHeadcount(),
                    next.pending(), f.modelVersion());
        });
    }
}
