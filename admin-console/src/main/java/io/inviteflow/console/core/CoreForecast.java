package io.inviteflow.console.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The core's {@code GET /api/v1/events/{id}/forecast}: the answers so far and the headcount to expect once everybody
 * answered (90 % interval), from the promoted answer model.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoreForecast(String modelVersion, Answers answers, Forecast forecast) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answers(long invitations, long yes, long yesHeadcount, long no, long maybe) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Forecast(int pending, double expectedMoreYes, long moreYesLow, long moreYesHigh,
                           double expectedHeadcount, long headcountLow, long headcountHigh) {
    }
}
