package io.inviteflow.recommender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.ideas.IdeaModelFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

class IdeaRankerTest {

    private static final int TASTES = 10;

    @TempDir
    Path models;

    /** Guests of ten tastes, each item belonging to one (its number modulo 10), at weddings and barbecues. */
    private static Dataset<Row> planted() {
        return SyntheticInteractions.generate(SparkTestSession.get(), 12_000, 300, 100, TASTES, 0.8, 11)
                .withColumn("context", when(col("user").endsWith("0"), lit("bbq")).otherwise(lit("wedding")));
    }

    @Test
    void theRankerLearnsTheGuestsTastesBeatsPopularityAndIsWrittenBesideTheOtherModels() throws Exception {
        Dataset<Row> noThemes = SparkTestSession.get().createDataFrame(List.of(), Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(noThemes, null, planted(), "synthetic", RankingExperiment.Settings
                .defaults(), models, "run-ideas", 2);

        System.out.println(outcome.message());
        assertThat(outcome.published()).as(outcome.message()).isNotNull();
        JsonNode manifest = new ObjectMapper().readTree(outcome.published().resolve("manifest.json").toFile());
        assertThat(manifest.at("/ideas/data/split").asText()).isEqualTo("time");
        assertThat(manifest.at("/ideas/data/testUsers").asLong()).isGreaterThan(200);
        assertThat(manifest.at("/ideas/metrics/als/ndcg").asDouble())
                .isGreaterThan(1.3 * manifest.at("/ideas/metrics/popularity/ndcg").asDouble());
        assertThat(manifest.at("/ideas/metrics/popularity/ndcg").asDouble())
                .isGreaterThan(manifest.at("/ideas/metrics/random/ndcg").asDouble());
        assertThat(manifest.at("/ideas/beatsPopularity").asBoolean()).isTrue();
        assertThat(manifest.get("promotable").asBoolean()).isTrue();

        IdeaModelFile file = new ObjectMapper().readValue(outcome.published().resolve("ideas.json").toFile(),
                IdeaModelFile.class);
        assertThat(file.version()).isEqualTo(manifest.get("version").asText());
        assertThat(file.guests()).hasSize(300);
        assertThat(file.items()).hasSizeGreaterThan(90);
        assertThat(file.popularByType().keySet()).containsExactlyInAnyOrder("", "bbq", "wedding");
        assertThat(file.popularByType().get("")).hasSameSizeAs(file.items().keySet());
    }

    @Test
    void thePlainJavaRankerReturnsExactlySparksTopK() {
        IdeaRanker.Trained trained = IdeaRanker.trainAndEvaluate(planted(), RankingExperiment.Settings.defaults());
        IdeaModelFile file = IdeaRanker.export(trained, planted(), "v-test");
        List<Row> spark = trained.model().recommendForUserSubset(trained.pairs().select("u").distinct().limit(60), 10)
                .join(trained.pairs().select("u", "user").distinct(), "u")
                .selectExpr("user", "transform(recommendations, r -> r.i) AS items").collectAsList();
        List<Row> names = trained.pairs().select("i", "item").distinct().collectAsList();
        java.util.Map<Integer, String> itemName = new java.util.HashMap<>();
        names.forEach(r -> itemName.put(r.getInt(0), r.getString(1)));

        assertThat(spark).hasSize(60);
        for (Row r : spark) {
            List<String> expected = r.<Integer>getList(1).stream().map(itemName::get).toList();
            List<String> plain = file.rank(r.getString(0), file.items().keySet(), Set.of(), 10).stream()
                    .map(IdeaModelFile.Scored::item).toList();
            assertThat(plain).as("guest " + r.getString(0)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theExplanationCitesAnEarlierChoiceOfTheSameTaste() {
        IdeaRanker.Trained trained = IdeaRanker.trainAndEvaluate(planted(), RankingExperiment.Settings.defaults());
        IdeaModelFile file = IdeaRanker.export(trained, planted(), "v-test");

        int explained = 0;
        int sameTaste = 0;
        for (String guest : file.guests().keySet()) {
            Set<String> chosen = Set.copyOf(file.guests().get(guest).chose());
            for (IdeaModelFile.Scored suggestion : file.rank(guest, file.items().keySet(), chosen, 3)) {
                String because = file.because(guest, suggestion.item());
                if (because != null) {
                    explained++;
                    assertThat(chosen).contains(because);
                    sameTaste += taste(because) == taste(suggestion.item()) ? 1 : 0;
                }
            }
        }
        assertThat(explained).isGreaterThan(600);
        assertThat((double) sameTaste / explained).isGreaterThan(0.7);
    }

    private static int taste(String item) {
        return Integer.parseInt(item.substring("item-".length())) % TASTES;
    }
}
