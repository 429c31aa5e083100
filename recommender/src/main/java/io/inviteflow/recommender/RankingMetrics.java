package io.inviteflow.recommender;

import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * How well one ranker ranked the held-out items, averaged over the scored users (Spark's {@link RankingEvaluator}):
 * NDCG@k, precision@k, mean average precision over the top k, and catalogue coverage — the share of the training
 * catalogue that appears in at least one user's top k (a ranker that shows everyone the same ten items covers little).
 */
record RankingMetrics(double ndcg, double precision, double map, double coverage) {

    /** {@code predictions}: {@code (label array<double>, prediction array<double>)}, prediction cut to the top k. */
    static RankingMetrics of(Dataset<Row> predictions, int k, long catalogue) {
        Dataset<Row> cached = predictions.cache();
        RankingEvaluator evaluator = new RankingEvaluator().setK(k)
                .setLabelCol("label").setPredictionCol("prediction");
        double ndcg = evaluator.setMetricName("ndcgAtK").evaluate(cached);
        double precision = evaluator.setMetricName("precisionAtK").evaluate(cached);
        double map = evaluator.setMetricName("meanAveragePrecisionAtK").evaluate(cached);
        long shown = cached.select(explode(col("prediction"))).distinct().count();
        cached.unpersist();
        return new RankingMetrics(ndcg, precision, map, catalogue == 0 ? 0 : (double) shown / catalogue);
    }

    static RankingMetrics none() {
        return new RankingMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
