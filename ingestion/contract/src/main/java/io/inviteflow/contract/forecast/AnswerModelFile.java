package io.inviteflow.contract.forecast;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * The answer model as the recommender exports it ({@code themes/<version>/answers.json}) and the core scores it, in
 * plain Java: a logistic regression over one-hot categories and numbers, the chance that an invitation ends with a YES.
 * {@link #probability} returns what Spark's {@code LogisticRegressionModel} returns for the same invitation.
 *
 * @param intercept   the regression's intercept
 * @param categorical per feature ({@code channel}, {@code theme}, {@code template}, {@code hour}, {@code weekday},
 *                    {@code age}): the
 *                    weight of each value seen in training, and of any other value ({@code unknown})
 * @param numeric     per feature ({@code opened}, {@code referred}: 0 or 1): its weight
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnswerModelFile(String version, double intercept, Map<String, Categorical> categorical,
                              Map<String, Double> numeric) {

    /**
     * The moments after sending at which the model looks at an invitation still unanswered (0 s, 1, 3 and 7 days):
     * it learns from invitations as they were then and what became of them, and scores a pending invitation as of the
     * latest of these moments it has passed (feature {@code age}, see {@link #ageOf}).
     */
    public static final java.util.List<Long> SNAPSHOT_AGES = java.util.List.of(0L, 86_400L, 259_200L, 604_800L);

    /** The {@code age} feature of an invitation sent that many seconds ago: {@code 0d}, {@code 1d}, {@code 3d}, {@code 7d}. */
    public static String ageOf(long secondsSinceSent) {
        long snapshot = SNAPSHOT_AGES.get(0);
        for (long age : SNAPSHOT_AGES) {
            if (secondsSinceSent >= age) {
                snapshot = age;
            }
        }
        return snapshot / 86_400 + "d";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Categorical(Map<String, Double> weights, double unknown) {
    }

    /** The chance of a YES, given the invitation's categories (missing: unknown) and numbers (missing: 0). */
    public double probability(Map<String, String> categories, Map<String, Double> numbers) {
        double margin = intercept;
        for (Map.Entry<String, Categorical> feature : categorical.entrySet()) {
            String value = categories.get(feature.getKey());
            Double weight = value == null ? null : feature.getValue().weights().get(value);
            margin += weight != null ? weight : feature.getValue().unknown();
        }
        for (Map.Entry<String, Double> feature : numeric.entrySet()) {
            margin += feature.getValue() * numbers.getOrDefault(feature.getKey(), 0.0);
        }
        return 1.0 / (1.0 + Math.exp(-margin));
    }
}
