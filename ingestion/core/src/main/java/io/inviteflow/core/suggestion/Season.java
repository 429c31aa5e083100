package io.inviteflow.core.suggestion;

import java.time.LocalDate;

/**
 * Meteorological seasons of the northern hemisphere, as the recommender names them when it groups choices by season
 * (its archive knows no country of the organizer, so the hemisphere cannot be told apart).
 */
final class Season {

    private Season() {
    }

    static String of(LocalDate day) {
        return switch (day.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> "winter";
            case MARCH, APRIL, MAY -> "spring";
            case JUNE, JULY, AUGUST -> "summer";
            default -> "autumn";
        };
    }
}
