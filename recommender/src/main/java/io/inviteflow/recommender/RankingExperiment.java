package io.inviteflow.recommender;

import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;

/**
 * Trains implicit ALS on the past ({@link Split}) and scores it on what users did next, beside two baselines trained on
 * the same past: popularity (most users first) and random (a fixed random order per user). Items a user already has
 * in training are never recommended back in evaluation.
 */
final class RankingExperiment {

    static final String ALS_MODEL = "als";
    static final String POPULARITY = "popularity";
    static final String RANDOM = "random";

    /** ALS settings; the defaults suit small catalogues such as invitation themes. */
    record Settings(int rank, int iterations, double regParam, double alpha, int k, double holdOut, long seed) {
        static Settings defaults() {
            return new Settings(16, 10, 0.1, 10.0, 10, 0.2, 42L);
        }
    }

    /**
     * @param interactions input rows; {@code pairs}: distinct user × item; {@code testUsers}: users scored
     * @param models       metrics per ranker ({@link #ALS_MODEL}, {@link #POPULARITY}, {@link #RANDOM})
     */
    record Result(Split split, long users, long items, long interactions, long pairs, long testUsers,
                  Map<String, RankingMetrics> models) {

        RankingMetrics als() {
            return models.get(ALS_MODEL);
        }

        RankingMetrics popularity() {
            return models.get(POPULARITY);
        }

        boolean beatsBaseline() {
            return als().ndcg() > popularity().ndcg();
        }
    }

    private final Settings settings;

    RankingExperiment(Settings settings) {
        this.settings = settings;
    }

    /** {@code indexed}: interactions with integer ids (see {@link #index}). */
    Result run(Dataset<Row> indexed) {
        Split split = Split.of(indexed, settings.holdOut(), settings.seed());
        long users = indexed.select("u").distinct().count();
        long items = indexed.select("i").distinct().count();
        long interactions = indexed.count();
        long pairs = indexed.select("u", "i").distinct().count();
        long testUsers = split.truth().count();
        Map<String, RankingMetrics> models = new LinkedHashMap<>();
        if (testUsers == 0) {
            // nobody did anything new after the cutoff (or nobody has two items): no evidence either way
            List.of(ALS_MODEL, POPULARITY, RANDOM).forEach(m -> models.put(m, RankingMetrics.none()));
            return new Result(split, users, items, interactions, pairs, 0, models);
        }
        long catalogue = split.train().select("i").distinct().count();
        models.put(ALS_MODEL, score(alsRanking(split), split, catalogue));
        models.put(POPULARITY, score(popularityRanking(split), split, catalogue));
        models.put(RANDOM, score(randomRanking(split), split, catalogue));
        return new Result(split, users, items, interactions, pairs, testUsers, models);
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

    /** Each scored user's ALS ranking, long enough that k items remain once their training items are removed. */
    private Dataset<Row> alsRanking(Split split) {
        ALSModel model = als().fit(split.train());
        Row longest = split.seen().join(split.truth(), "u").agg(max(size(col("seen")))).first();
        int depth = settings.k() + (longest.isNullAt(0) ? 0 : longest.getInt(0));
        return model.recommendForUserSubset(split.truth().select("u"), depth)
                .select(col("u"), expr("transform(recommendations, r -> cast(r.i as double))").as("ranked"));
    }

    /** The training catalogue, most users first (then most confidence): what the core serves a newcomer. */
    private Dataset<Row> popularityRanking(Split split) {
        // ties broken by the item's name: its index counts held-out interactions too
        List<Double> popular = split.train().groupBy("i", "item").agg(count(lit(1)).as("n"),
                        sum("confidence").as("c"))
                .orderBy(desc("n"), desc("c"), col("item")).select(col("i").cast("double"))
                .as(Encoders.DOUBLE()).collectAsList();
        return split.truth().select(col("u"), array(popular.stream().map(functions::lit).toArray(Column[]::new))
                .as("ranked"));
    }

    /** The training catalogue in an order drawn per user (a hash of user, item and seed: the same on every run). */
    private Dataset<Row> randomRanking(Split split) {
        List<Integer> catalogue = split.train().select("i").distinct().as(Encoders.INT()).collectAsList();
        Column all = array(catalogue.stream().map(functions::lit).toArray(Column[]::new));
        return split.truth().select(col("u"), all.as("items"))
                .select(col("u"), expr("transform(sort_array(transform(items, x -> named_struct('h', xxhash64(u, x, "
                        + settings.seed() + "), 'i', x))), s -> cast(s.i as double))").as("ranked"));
    }

    private RankingMetrics score(Dataset<Row> ranked, Split split, long catalogue) {
        Dataset<Row> predictions = split.truth().join(ranked, "u").join(split.seen(), joinOnU(), "left")
                .select(col("label"), slice(array_except(col("ranked"),
                        coalesce(col("seen"), expr("cast(array() as array<double>)"))), 1, settings.k())
                        .as("prediction"));
        return RankingMetrics.of(predictions, settings.k(), catalogue);
    }

    private static scala.collection.immutable.Seq<String> joinOnU() {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of("u")).toList();
    }
}
