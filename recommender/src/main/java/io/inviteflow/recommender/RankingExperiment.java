package io.inviteflow.recommender;

import org.apache.spark.ml.evaluation.RankingEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

import scala.jdk.javaapi.CollectionConverters;

import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;

/**
 * Trains implicit ALS on a per-user random hold-out split and scores it, with the popularity baseline, by NDCG@k on
 * the held-out items (items seen in training are never recommended back for evaluation).
 */
final class RankingExperiment {

    /** ALS settings; the defaults suit small catalogues such as invitation themes. */
    record Settings(int rank, int iterations, double regParam, double alpha, int k, double holdOut, long seed) {
        static Settings defaults() {
            return new Settings(16, 10, 0.1, 10.0, 10, 0.2, 42L);
        }
    }

    record Result(double alsNdcg, double popularityNdcg, long users, long items, long interactions,
                  long testUsers) {
        boolean beatsBaseline() {
            return alsNdcg > popularityNdcg;
        }
    }

    private final Settings settings;

    RankingExperiment(Settings settings) {
        this.settings = settings;
    }

    Result run(Dataset<Row> interactions) {
        Dataset<Row> indexed = index(interactions).cache();
        Dataset<Row>[] split = split(indexed);
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1];
        ALSModel model = als().fit(train);

        Dataset<Row> truth = test.groupBy("u").agg(collect_list(col("i").cast("double")).as("label")).cache();
        Dataset<Row> seen = train.groupBy("u").agg(collect_list(col("i").cast("double")).as("seen"));
        int candidates = (int) Math.min(indexed.select("i").distinct().count(), Integer.MAX_VALUE);
        long users = indexed.select("u").distinct().count();
        if (truth.isEmpty()) {
            // no user has two items, so nothing can be held out: no evidence either way, and NaN beats nothing
            return new Result(Double.NaN, Double.NaN, users, candidates, indexed.count(), 0);
        }

        Dataset<Row> alsTop = model.recommendForAllUsers(candidates)
                .select(col("u"), expr("transform(recommendations, r -> cast(r.i as double))").as("ranked"));
        double alsNdcg = ndcg(alsTop, seen, truth);

        Dataset<Row> popular = train.groupBy("i").agg(count(lit(1)).as("n"), sum("confidence").as("c"))
                .orderBy(desc("n"), desc("c"), col("i"));
        List<Double> popularItems = popular.select(col("i").cast("double")).as(
                org.apache.spark.sql.Encoders.DOUBLE()).collectAsList();
        Dataset<Row> popTop = truth.select(col("u"),
                array(popularItems.stream().map(functions::lit).toArray(Column[]::new)).as("ranked"));
        double popularityNdcg = ndcg(popTop, seen, truth);

        return new Result(alsNdcg, popularityNdcg, users, candidates,
                indexed.count(), truth.count());
    }

    ALS als() {
        return new ALS().setImplicitPrefs(true).setRank(settings.rank()).setMaxIter(settings.iterations())
                .setRegParam(settings.regParam()).setAlpha(settings.alpha()).setSeed(settings.seed())
                .setUserCol("u").setItemCol("i").setRatingCol("confidence").setColdStartStrategy("drop")
                .setNumUserBlocks(2).setNumItemBlocks(2);
    }

    /** Adds integer ids {@code u} and {@code i} (ALS needs ints), keeping the original names. */
    static Dataset<Row> index(Dataset<Row> interactions) {
        StringIndexerModel users = new StringIndexer().setInputCol("user").setOutputCol("uIdx").fit(interactions);
        StringIndexerModel items = new StringIndexer().setInputCol("item").setOutputCol("iIdx").fit(interactions);
        return items.transform(users.transform(interactions))
                .withColumn("u", col("uIdx").cast("int")).withColumn("i", col("iIdx").cast("int"))
                .drop("uIdx", "iIdx");
    }

    /** Per user, about {@code holdOut} of the items go to the test set; users with a single item stay in training. */
    @SuppressWarnings("unchecked")
    private Dataset<Row>[] split(Dataset<Row> indexed) {
        // rand() is drawn once and cached: recomputed per filter it would differ, and train and test would overlap
        Dataset<Row> drawn = indexed.withColumn("draw", rand(settings.seed())).cache();
        Column perUser = row_number().over(Window.partitionBy("u").orderBy(col("draw"), col("i")));
        Dataset<Row> ranked = drawn.withColumn("n", count(lit(1)).over(Window.partitionBy("u")))
                .withColumn("pos", perUser).drop("draw").cache();
        Column isTest = col("n").geq(2).and(col("pos").leq(expr("greatest(1, floor(n * " + settings.holdOut() + "))")));
        return new Dataset[]{ranked.filter(isTest.unary_$bang()).drop("n", "pos"), ranked.filter(isTest).drop("n", "pos")};
    }

    private double ndcg(Dataset<Row> ranked, Dataset<Row> seen, Dataset<Row> truth) {
        Dataset<Row> predictions = truth.join(ranked, "u")
                .join(seen, CollectionConverters.asScala(List.of("u")).toSeq(), "left")
                .select(col("label"), slice(array_except(col("ranked"),
                        coalesce(col("seen"), expr("cast(array() as array<double>)"))), 1, settings.k()).as("prediction"));
        return new RankingEvaluator().setMetricName("ndcgAtK").setK(settings.k())
                .setLabelCol("label").setPredictionCol("prediction").evaluate(predictions);
    }
}
