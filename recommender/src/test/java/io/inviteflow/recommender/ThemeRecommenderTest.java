package io.inviteflow.recommender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeRecommenderTest {

    /** Counted in the file apart from Spark (Python): the latest message per rsvp_id, response yes, distinct member_id. */
    private static final long MEMBERS_SAYING_YES = 463;

    @TempDir
    Path models;

    /** Spark's own MovieLens sample (30 users, 100 items, all rated at one second: no time order, so a random split). */
    @Test
    void alsBeatsPopularityOnMovieLensAndIsWrittenAsACandidateWithItsManifest() throws Exception {
        Dataset<Row> ratings = Interactions.fromMovieLens(SparkTestSession.get(),
                SparkTestSession.shared("data/sample_movielens_ratings.txt"), 3);

        var outcome = ThemeRecommenderJob.train(ratings, "movielens sample", RankingExperiment.Settings.defaults(),
                models, "run-1", 2);

        System.out.println(outcome.message());
        assertThat(outcome.metrics().interactions()).as("ratings of 3 stars or more").isEqualTo(353);
        assertThat(outcome.metrics().users()).isEqualTo(30);
        assertThat(outcome.metrics().split().kind()).isEqualTo("random");
        assertThat(outcome.metrics().als().ndcg()).isGreaterThan(outcome.metrics().popularity().ndcg());
        assertThat(models.resolve("themes/CURRENT")).as("promotion is the registry's").doesNotExist();

        JsonNode manifest = new ObjectMapper().readTree(outcome.published().resolve("manifest.json").toFile());
        assertThat(manifest.get("version").asText()).isEqualTo(outcome.published().getFileName().toString());
        assertThat(manifest.get("runId").asText()).isEqualTo("run-1");
        assertThat(manifest.get("codeVersion").asText()).matches("[0-9a-f]{7,}(-dirty)?");
        assertThat(manifest.at("/data/split").asText()).isEqualTo("random");
        assertThat(manifest.at("/data/interactions").asLong()).isEqualTo(353);
        assertThat(manifest.at("/metrics/als/ndcg").asDouble()).isEqualTo(outcome.metrics().als().ndcg());
        assertThat(manifest.at("/metrics/random/precision").isNumber()).isTrue();
        assertThat(manifest.at("/metrics/random/precision").asDouble()).isBetween(0.0, 1.0);
        assertThat(manifest.at("/metrics/popularity/coverage").isNumber()).isTrue();
        assertThat(manifest.at("/metrics/popularity/coverage").asDouble()).isBetween(0.0, 1.0);
        assertThat(manifest.get("beatsPopularity").asBoolean()).isTrue();
        assertThat(manifest.get("promotable").asBoolean()).isTrue();

        JsonNode suggestions = new ObjectMapper().readTree(outcome.published().resolve("suggestions.json").toFile());
        assertThat(suggestions.get("popular")).hasSize(10);
        assertThat(suggestions.get("users").size()).isEqualTo(30);
        assertThat(suggestions.get("users").get("0")).hasSize(10);
        ALSModel reloaded = ALSModel.load(outcome.published().resolve("model").toUri().toString());
        assertThat(reloaded.userFactors().count()).isEqualTo(30);
    }

    @Test
    void onPlantedTastesAlsBeatsPopularityWhichBeatsRandomOnASplitByTime() throws Exception {
        Dataset<Row> planted = SyntheticInteractions.generate(SparkTestSession.get(), 20_000, 400, 200, 10, 0.8, 7);

        var outcome = ThemeRecommenderJob.train(planted, "synthetic", RankingExperiment.Settings.defaults(), models,
                "run-2", 2);

        System.out.println(outcome.message());
        var result = outcome.metrics();
        assertThat(result.split().kind()).isEqualTo("time");
        assertThat(result.testUsers()).isGreaterThan(300);
        assertThat(result.als().ndcg()).isGreaterThan(2 * result.popularity().ndcg());
        assertThat(result.popularity().ndcg()).isGreaterThan(result.models().get(RankingExperiment.RANDOM).ndcg());
        assertThat(result.als().coverage()).isGreaterThan(result.popularity().coverage());
    }

    @Test
    void aSplitByTimeTrainsOnThePastAndAsksOnlyForItemsNewToKnownUsers() {
        Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(
                row("ada", "birthday", 100), row("ada", "dinner", 200), row("bob", "birthday", 300),
                row("bob", "party", 400), row("ada", "wedding", 900), row("ada", "birthday", 950),
                row("bob", "party", 960), row("newcomer", "wedding", 990)), Interactions.SCHEMA);
        Dataset<Row> indexed = RankingExperiment.index(rows);

        Split split = Split.of(indexed, 0.5, 42);

        assertThat(split.kind()).isEqualTo("time");
        assertThat(split.cutoff()).isGreaterThan(400).isLessThanOrEqualTo(900);
        assertThat(split.train().select("user", "item").collectAsList()).map(Row::toString)
                .containsExactlyInAnyOrder("[ada,birthday]", "[ada,dinner]", "[bob,birthday]", "[bob,party]");
        // ada's wedding is new to her; her birthday and bob's party are repeats; the newcomer is not scored
        List<Row> truth = split.truth().join(indexed.select("u", "user").distinct(), "u")
                .select("user", "label").collectAsList();
        assertThat(truth).hasSize(1);
        assertThat(truth.get(0).getString(0)).isEqualTo("ada");
        assertThat(truth.get(0).<Double>getList(1)).hasSize(1);
    }

    @Test
    void newcomersAreServedWhatOrganizersOfTheSameKindOfEventChoseInTheSameSeason() throws Exception {
        long winter = 1_767_225_600L; // 2026-01-01
        long summer = 1_782_864_000L; // 2026-07-01
        Dataset<Row> rows = SparkTestSession.get().createDataFrame(List.of(
                context("ada", "wedding-rings", winter, "wedding|winter"),
                context("bob", "wedding-rings", winter, "wedding|winter"),
                context("cy", "wedding-botanical", summer, "wedding|summer"),
                context("dee", "wedding-botanical", summer + 10, "wedding|summer"),
                context("eve", "wedding-botanical", summer + 20, "wedding|summer"),
                context("ada", "birthday-confetti", summer + 30, "birthday|summer"),
                context("bob", "birthday-confetti", summer + 40, "birthday|summer"),
                context("ada", "wedding-botanical", summer + 50, "wedding|summer"),
                context("fay", "birthday-balloons", summer + 60, "birthday|summer"),
                // after the cutoff: themes new to known organizers, so there is something to evaluate
                context("bob", "wedding-botanical", summer + 70, "wedding|summer"),
                context("cy", "birthday-confetti", summer + 80, "birthday|summer")), Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(rows, "test", RankingExperiment.Settings.defaults(), models,
                "run-5", 2);

        assertThat(outcome.published()).as(outcome.message()).isNotNull();
        JsonNode segments = new ObjectMapper().readTree(outcome.published().resolve("suggestions.json").toFile())
                .get("popularBySegment");
        assertThat(segments.get("wedding|winter").findValuesAsText("theme")).containsExactly("wedding-rings");
        assertThat(segments.get("wedding|summer").findValuesAsText("theme")).containsExactly("wedding-botanical");
        // per type over all seasons: botanical by 5 organizers, rings by 2
        assertThat(segments.get("wedding").findValuesAsText("theme"))
                .containsExactly("wedding-botanical", "wedding-rings");
        assertThat(segments.get("birthday").findValuesAsText("theme"))
                .containsExactly("birthday-confetti", "birthday-balloons");
    }

    @Test
    void writesNothingWhenNobodyTookUpAnythingNewAfterTheCutoff() throws Exception {
        Dataset<Row> oneThemeEach = SparkTestSession.get().createDataFrame(List.of(
                row("ada", "birthday", 100), row("bob", "wedding", 200), row("ada", "birthday", 300)),
                Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(oneThemeEach, "test", RankingExperiment.Settings.defaults(), models,
                "run-3", 2);

        assertThat(outcome.published()).isNull();
        assertThat(outcome.message()).contains("no organizer took up a theme new to them");
        assertThat(models.resolve("themes")).doesNotExist();
    }

    @Test
    void tooFewOrganizersForAThemeModelStillGiveAVersionWithItsAnswerModels() throws Exception {
        Dataset<Row> oneThemeEach = SparkTestSession.get().createDataFrame(List.of(
                row("ada", "birthday", 100), row("bob", "wedding", 200), row("ada", "birthday", 300)),
                Interactions.SCHEMA);
        Dataset<Row> invitations = AnswerExamples.synthetic(SparkTestSession.get(), 5_000, 21);

        var outcome = ThemeRecommenderJob.train(oneThemeEach, invitations, "test",
                RankingExperiment.Settings.defaults(), models, "run-6", 2);

        assertThat(outcome.published()).as(outcome.message()).isNotNull();
        assertThat(outcome.published().resolve("model")).as("no theme model").doesNotExist();
        assertThat(outcome.published().resolve("answers.json")).exists();
        assertThat(outcome.published().resolve("responds.json")).exists();
        JsonNode manifest = new ObjectMapper().readTree(outcome.published().resolve("manifest.json").toFile());
        assertThat(manifest.get("beatsPopularity").asBoolean()).isFalse();
        assertThat(manifest.get("promotable").asBoolean()).as("its answer models beat the constant").isTrue();
        assertThat(manifest.at("/answers/auc").asDouble()).isGreaterThan(0.5);
        JsonNode suggestions = new ObjectMapper().readTree(outcome.published().resolve("suggestions.json").toFile());
        assertThat(suggestions.get("users").size()).isZero();
        assertThat(suggestions.get("popular").findValuesAsText("theme")).containsExactly("birthday", "wedding");
    }

    @Test
    void writesNothingWithoutEnoughData() throws Exception {
        Dataset<Row> empty = SparkTestSession.get().createDataFrame(List.of(), Interactions.SCHEMA);

        var outcome = ThemeRecommenderJob.train(empty, "test", RankingExperiment.Settings.defaults(), models,
                "run-4", 2);

        assertThat(outcome.published()).isNull();
        assertThat(models.resolve("themes")).doesNotExist();
    }

    @Test
    void readsMeetupRsvpsAsMembersTimesGroupTopicsAtTheirTime() {
        Dataset<Row> rsvps = Interactions.fromMeetupRsvps(SparkTestSession.get(),
                SparkTestSession.shared("data/meetup-rsvps-2017.jsonl"));

        List<Row> first = rsvps.filter("user = '183867542'").collectAsList();
        // the stream sent this RSVP twice (lines 1 and 25): the group's seven topics once, at the later message
        assertThat(first).map(r -> r.getString(1)).contains("charity-work", "volunteering").hasSize(7)
                .doesNotHaveDuplicates();
        assertThat(first).allSatisfy(r -> assertThat(r.getLong(3)).isEqualTo(1_489_925_985L));
        assertThat(rsvps.select("user").distinct().count()).as("members whose latest answer is yes").isEqualTo(MEMBERS_SAYING_YES);
    }

    private static Row context(String user, String item, long at, String context) {
        return RowFactory.create(user, item, 1.0, at, context);
    }

    private static Row row(String user, String item, long at) {
        return RowFactory.create(user, item, 1.0, at, null);
    }
}
