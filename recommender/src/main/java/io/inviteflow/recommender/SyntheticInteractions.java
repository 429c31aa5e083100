package io.inviteflow.recommender;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

/**
 * Interactions with a planted structure, for benchmarks and tests: users and items each belong to one of
 * {@code clusters} tastes; a user's interaction is, with probability {@code affinity}, an item of their own taste
 * (the lower numbered ones more often), else any item (skewed the same way, so some items are popular with
 * everyone). Times are spread evenly over a year. A ranker that finds the tastes beats popularity; one that does not,
 * does not.
 */
final class SyntheticInteractions {

    private static final long YEAR_START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final long YEAR = 365L * 24 * 3600;

    private SyntheticInteractions() {
    }

    static Dataset<Row> generate(SparkSession spark, long rows, int users, int items, int clusters, double affinity,
                                 long seed) {
        int perCluster = items / clusters;
        Column user = floor(rand(seed).multiply(users)).cast("long");
        Dataset<Row> drawn = spark.range(rows).select(user.as("u"), rand(seed + 1).as("own"),
                rand(seed + 2).as("pick"), rand(seed + 3).as("when"), rand(seed + 4).as("strength"));
        Column taste = col("u").mod(clusters);
        // squaring a uniform draw favours low numbers: a few items of each taste are its favourites
        Column ownItem = floor(pow(col("pick"), 2).multiply(perCluster)).multiply(clusters).plus(taste);
        Column anyItem = floor(pow(col("pick"), 3).multiply(items));
        return drawn.select(
                concat(lit("user-"), col("u").cast("string")).as("user"),
                concat(lit("item-"), when(col("own").lt(affinity), ownItem).otherwise(anyItem).cast("long")
                        .cast("string")).as("item"),
                floor(col("strength").multiply(3)).plus(1).cast("double").as("confidence"),
                floor(col("when").multiply(YEAR)).plus(YEAR_START).cast("long").as("at"),
                lit(null).cast("string").as("context"));
    }
}
