package io.inviteflow.streaming.totals;

/**
 * One figure of {@code engagement_totals}: {@code metric} of {@code scope}/{@code scopeId}, broken down by
 * {@code dimension} ("" when the metric has no breakdown). See {@link Metrics} for the names.
 */
public record CounterId(String scope, String scopeId, String metric, String dimension) {

    public static CounterId of(String scope, String scopeId, String metric) {
        return new CounterId(scope, scopeId, metric, "");
    }

    public static CounterId of(String scope, String scopeId, String metric, String dimension) {
        return new CounterId(scope, scopeId, metric, dimension == null ? "" : dimension);
    }
}
