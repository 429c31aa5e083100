package io.inviteflow.core.forecast;

import java.util.List;

/**
 * How many more YES answers an event can expect, and so its headcount: each pending invitation says yes with its
 * own chance {@code p}, independently; the number of yeses is then Poisson-binomial, with mean Σp and variance
 * Σp(1−p), and its 90 % interval is taken from the normal approximation (±1.645 standard deviations, within 0 and
 * the number pending). Each new yes brings as many people as the yeses so far did on average (1 before any).
 *
 * @param expectedMoreYes   Σp
 * @param moreYesLow        lower end of the 90 % interval of further yeses
 * @param moreYesHigh       upper end
 * @param expectedHeadcount the headcount now plus the expected further yeses times the party size so far
 * @param headcountLow      the headcount now plus {@code moreYesLow} parties
 * @param headcountHigh     the headcount now plus {@code moreYesHigh} parties
 */
record HeadcountForecast(int pending, double expectedMoreYes, long moreYesLow, long moreYesHigh,
                         double expectedHeadcount, long headcountLow, long headcountHigh) {

    private static final double Z90 = 1.6448536269514722;

    static HeadcountForecast of(List<Double> chances, long yes, long yesHeadcount) {
        double mean = chances.stream().mapToDouble(Double::doubleValue).sum();
        double variance = chances.stream().mapToDouble(p -> p * (1 - p)).sum();
        double spread = Z90 * Math.sqrt(variance);
        long low = Math.max(0, (long) Math.floor(mean - spread));
        long high = Math.min(chances.size(), (long) Math.ceil(mean + spread));
        double partySize = yes == 0 ? 1.0 : (double) yesHeadcount / yes;
        return new HeadcountForecast(chances.size(), mean, low, high, yesHeadcount + mean * partySize,
                yesHeadcount + Math.round(low * partySize), yesHeadcount + Math.round(high * partySize));
    }
}
