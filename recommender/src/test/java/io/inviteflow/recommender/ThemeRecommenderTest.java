package io.inviteflow.recommender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Spark's own MovieLens sample (30 users, 100 items): ratings of 3 stars or more as implicit feedback. */
class ThemeRecommenderTest {

    @TempDir
    Path models;

    @Test
    void alsBeatsPopularityOnHeldOutItemsAndIsPublishedForTheCore() throws Exception {
        Dataset<Row> ratings = Interactions.fromMovieLens(SparkTestSession.get(),
                SparkTestSession.shared("data/sample_movielens_ratings.txt"), 3);

        var outcome = ThemeRecommenderJob.train(ratings, RankingExperiment.Settings.defaults(), models, 2);

        System.out.println(outcome.message());
        assertThat(outcome.metrics().interactions()).as("ratings of 3 stars or more").isEqualTo(353);
        assertThat(outcome.metrics().users()).isEqualTo(30);
        assertThat(outcome.metrics().testUsers()).isPositive();
        assertThat(outcome.metrics().alsNdcg()).isGreaterThan(outcome.metrics().popularityNdcg());

        String version = Files.readString(models.resolve("themes/CURRENT")).trim();
        assertThat(outcome.published()).isEqualTo(models.resolve("themes").resolve(version));
        JsonNode doc = new ObjectMapper().readTree(outcome.published().resolve("suggestions.json").toFile());
        assertThat(doc.get("version").asText()).isEqualTo(version);
        assertThat(doc.get("popular")).hasSize(10);
        assertThat(doc.get("users").size()).isEqualTo(30);
        assertThat(doc.get("users").get("0")).hasSize(10);
        assertThat(doc.at("/metrics/ndcgAt10").asDouble()).isEqualTo(outcome.metrics().alsNdcg());

        ALSModel reloaded = ALSModel.load(outcome.published().resolve("model").toUri().toString());
        assertThat(reloaded.userFactors().count()).isEqualTo(30);
        assertThat(reloaded.rank()).isEqualTo(RankingExperiment.Settings.defaults().rank());
    }

    @Test
    void publishesNothingWhenNoUserHasTwoItemsToHoldOneOut() throws Exception {
        Dataset<Row> oneThemeEach = SparkTestSession.get().createDataFrame(java.util.List.of(
                org.apache.spark.sql.RowFactory.create("ada", "birthday", 3.0),
                org.apache.spark.sql.RowFactory.create("bob", "wedding", 5.0),
                org.apache.spark.sql.RowFactory.create("cy", "birthday", 1.0)), Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(oneThemeEach, RankingExperiment.Settings.defaults(), models, 2);

        assertThat(outcome.published()).isNull();
        assertThat(outcome.message()).contains("no organizer has used two themes");
        assertThat(models.resolve("themes/CURRENT")).doesNotExist();
    }

    @Test
    void publishesNothingWithoutEnoughData() throws Exception {
        Dataset<Row> empty = SparkTestSession.get().createDataFrame(java.util.List.of(), Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(empty, RankingExperiment.Settings.defaults(), models, 2);

        assertThat(outcome.published()).isNull();
        assertThat(models.resolve("themes/CURRENT")).doesNotExist();
    }
}
