package io.inviteflow.core.campaign;

import io.inviteflow.core.web.Problems;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An A/B test of a campaign: version B ({@code subjectB}, {@code messageB}) goes to half of {@code testPercent} % of
 * the audience, version A to the other half; {@code decideAfter} after that share went out, the version with the
 * higher rate of {@code winnerBy} among the people it reached goes to everybody else (a tie: A).
 *
 * @param winnerBy    {@code OPENED} (mail shown or link followed), {@code CLICKED} or {@code ANSWERED}
 * @param decideAfter ISO-8601 duration, 30 minutes to 7 days, e.g. {@code PT4H}
 */
public record AbTest(String subjectB, String messageB, Integer testPercent, String winnerBy, String decideAfter) {

    static final java.util.Set<String> WINNER_BY = java.util.Set.of("OPENED", "CLICKED", "ANSWERED");
    private static final Duration SHORTEST = Duration.ofMinutes(30);
    private static final Duration LONGEST = Duration.ofDays(7);

    /** @throws org.springframework.web.ErrorResponseException 422 naming the field */
    AbTest checked() {
        if (subjectB == null || subjectB.isBlank() || subjectB.length() > 200) {
            throw Problems.unprocessable("abTest.subjectB", "1 to 200 characters");
        }
        if (messageB == null || messageB.isBlank() || messageB.length() > 5000) {
            throw Problems.unprocessable("abTest.messageB", "1 to 5000 characters");
        }
        if (testPercent == null || testPercent < 10 || testPercent > 50) {
            throw Problems.unprocessable("abTest.testPercent", "10 to 50 (% of the audience in the test)");
        }
        if (winnerBy == null || !WINNER_BY.contains(winnerBy.toUpperCase(Locale.ROOT))) {
            throw Problems.unprocessable("abTest.winnerBy", "OPENED, CLICKED or ANSWERED");
        }
        Duration after = parsedWait();
        if (after.compareTo(SHORTEST) < 0 || after.compareTo(LONGEST) > 0) {
            throw Problems.unprocessable("abTest.decideAfter", "30 minutes to 7 days, e.g. PT4H");
        }
        return new AbTest(subjectB.strip(), messageB.strip(), testPercent, winnerBy.toUpperCase(Locale.ROOT),
                after.toString());
    }

    private Duration parsedWait() {
        try {
            return Duration.parse(String.valueOf(decideAfter));
        } catch (DateTimeParseException e) {
            throw Problems.unprocessable("abTest.decideAfter", "an ISO-8601 duration, e.g. PT4H");
        }
    }
}
