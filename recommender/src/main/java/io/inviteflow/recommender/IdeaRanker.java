package io.inviteflow.recommender;

import io.inviteflow.contract.ideas.IdeaModelFile;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * The ranker of ideas (outfits, gifts, things to bring) for guests: implicit ALS over guests × catalogue items from
 * the guests' clicks and picks, evaluated like the theme ranker (split by time, against popularity and random), and
 * exported as factors ({@link IdeaModelFile}) so the core ranks, in plain Java, only the items that fit an event.
 */
final class IdeaRanker {

    /** How many of a guest's own choices the export keeps for explanations ("because you chose …"). */
    static final int CHOICES_KEPT = 5;

    /** @param pairs one row per guest and item ({@code u, i, user, item, confidence}), what ALS was trained on */
    record Trained(ALSModel model, Dataset<Row> pairs, RankingExperiment.Result result) {
    }

    private IdeaRanker() {
    }

    /** Null when the interactions cannot be evaluated (nobody chose anything new after the split's cutoff). */
    static Trained trainAndEvaluate(Dataset<Row> interactions, RankingExperiment.Settings settings) {
        Dataset<Row> indexed = RankingExperiment.index(interactions).cache();
        RankingExperiment experiment = new RankingExperiment(settings);
        RankingExperiment.Result result = experiment.run(indexed);
        if (result.testUsers() == 0) {
            return null;
        }
        Dataset<Row> pairs = Split.pairs(indexed).cache();
        return new Trained(experiment.als().fit(pairs), pairs, result);
    }

    /**
     * The exported ranker: every item's and guest's factors, each guest's strongest choices, and per event type (the
     * rows' context; {@code ""}: all types) the items most guests chose.
     */
    static IdeaModelFile export(Trained trained, Dataset<Row> rows, String version) {
        Map<String, float[]> items = new HashMap<>();
        for (Row r : trained.model().itemFactors().join(trained.pairs().select(col("i").as("id"), col("item"))
                .distinct(), "id").select("item", "features").collectAsList()) {
            items.put(r.getString(0), floats(r.getList(1)));
        }
        Map<String, List<String>> chose = new HashMap<>();
        Dataset<Row> strongest = trained.pairs()
                .withColumn("nth", row_number().over(Window.partitionBy("user")
                        .orderBy(desc("confidence"), col("item"))))
                .filter(col("nth").leq(CHOICES_KEPT)).orderBy("user", "nth");
        for (Row r : strongest.select("user", "item").collectAsList()) {
            chose.computeIfAbsent(r.getString(0), u -> new ArrayList<>()).add(r.getString(1));
        }
        Map<String, IdeaModelFile.Guest> guests = new HashMap<>();
        for (Row r : trained.model().userFactors().join(trained.pairs().select(col("u").as("id"), col("user"))
                .distinct(), "id").select("user", "features").collectAsList()) {
            guests.put(r.getString(0), new IdeaModelFile.Guest(floats(r.getList(1)),
                    chose.getOrDefault(r.getString(0), List.of())));
        }
        return new IdeaModelFile(version, items, guests, popularByType(rows));
    }

    /** Items by how many guests chose them (then confidence, then id), per event type and over all ({@code ""}). */
    static Map<String, List<String>> popularByType(Dataset<Row> rows) {
        Dataset<Row> typed = rows.select(col("context").as("type"), col("user"), col("item"), col("confidence"))
                .filter(col("type").isNotNull().and(col("type").notEqual("")));
        Dataset<Row> all = rows.select(lit("").as("type"), col("user"), col("item"), col("confidence"));
        Dataset<Row> ranked = typed.union(all).groupBy("type", "item")
                .agg(countDistinct("user").as("guests"), sum("confidence").as("c"))
                .withColumn("rank", row_number().over(Window.partitionBy("type")
                        .orderBy(desc("guests"), desc("c"), col("item"))))
                .orderBy("type", "rank");
        Map<String, List<String>> popular = new LinkedHashMap<>();
        for (Row r : ranked.select("type", "item").collectAsList()) {
            popular.computeIfAbsent(r.getString(0), t -> new ArrayList<>()).add(r.getString(1));
        }
        return popular;
    }

    private static float[] floats(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
