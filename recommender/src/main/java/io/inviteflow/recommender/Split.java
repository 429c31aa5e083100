package io.inviteflow.recommender;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * Training pairs and the items each user should be recommended next, for an offline evaluation without leakage.
 *
 * <p>By time (the default): everything seen before the cutoff — the second after the {@code 1 - holdOut} quantile of
 * the interactions' times — trains; a user's pairs first seen after it, with an item they had not touched before, are
 * what a model should have ranked high. Only users known before the cutoff are scored (a newcomer gets the popularity
 * fallback in production, whatever the model). Data without time order (every interaction at the same second, like
 * Spark's MovieLens sample) falls back to a per-user random hold-out of {@code holdOut} of each user's items.
 *
 * @param train  {@code (u, i, user, item, confidence)}, one row per pair, confidence summed
 * @param truth  {@code (u, label array<double>)}: the held-out items of each scored user
 * @param seen   {@code (u, seen array<double>)}: each user's training items, never recommended back in evaluation
 * @param kind   {@code time} or {@code random}
 * @param from   epoch second of the first interaction
 * @param cutoff epoch second from which interactions were held out (time split), else the last second
 * @param to     epoch second of the last interaction
 */
record Split(Dataset<Row> train, Dataset<Row> truth, Dataset<Row> seen, String kind, long from, long cutoff, long to) {

    /** {@code indexed}: interactions with integer ids {@code u} and {@code i}. */
    static Split of(Dataset<Row> indexed, double holdOut, long seed) {
        Row span = indexed.agg(min("at"), max("at")).first();
        long from = span.isNullAt(0) ? 0 : span.getLong(0);
        long to = span.isNullAt(1) ? 0 : span.getLong(1);
        if (from < to) {
            double[] quantile = indexed.stat().approxQuantile("at", new double[]{1 - holdOut}, 0.001);
            // the quantile is an observed time: it and everything before it trains
            long cutoff = Math.max(from, (long) Math.floor(quantile[0])) + 1;
            return byTime(indexed, from, cutoff, to);
        }
        return byUser(indexed, holdOut, seed, from, to);
    }

    private static Split byTime(Dataset<Row> indexed, long from, long cutoff, long to) {
        Dataset<Row> train = pairs(indexed.filter(col("at").lt(cutoff))).cache();
        Dataset<Row> later = indexed.filter(col("at").geq(cutoff)).select("u", "i").distinct()
                .join(train, joinOn("u", "i"), "left_anti")
                .join(train.select("u").distinct(), joinOn("u"), "left_semi");
        return new Split(train, labels(later), seen(train), "time", from, cutoff, to);
    }

    private static Split byUser(Dataset<Row> indexed, double holdOut, long seed, long from, long to) {
        // rand() is drawn once and cached: recomputed per filter it would differ, and train and test would overlap
        Dataset<Row> drawn = pairs(indexed).withColumn("draw", rand(seed)).cache();
        Column perUser = row_number().over(Window.partitionBy("u").orderBy(col("draw"), col("i")));
        Dataset<Row> ranked = drawn.withColumn("n", count(lit(1)).over(Window.partitionBy("u")))
                .withColumn("pos", perUser).drop("draw").cache();
        Column isTest = col("n").geq(2).and(col("pos").leq(expr("greatest(1, floor(n * " + holdOut + "))")));
        Dataset<Row> train = ranked.filter(isTest.unary_$bang()).drop("n", "pos").cache();
        return new Split(train, labels(ranked.filter(isTest)), seen(train), "random", from, to, to);
    }

    /** One row per user and item, confidences summed. */
    static Dataset<Row> pairs(Dataset<Row> indexed) {
        return indexed.groupBy("u", "i", "user", "item").agg(sum("confidence").as("confidence"));
    }

    private static Dataset<Row> labels(Dataset<Row> heldOut) {
        return heldOut.groupBy("u").agg(collect_list(col("i").cast("double")).as("label")).cache();
    }

    private static Dataset<Row> seen(Dataset<Row> train) {
        return train.groupBy("u").agg(collect_list(col("i").cast("double")).as("seen"));
    }

    private static scala.collection.immutable.Seq<String> joinOn(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toList();
    }
}
