package io.inviteflow.recommender;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Trains the theme recommender: implicit ALS over organizers × invitation themes, evaluated on a split by time
 * against popularity and random baselines, retrained on all data and written as a candidate version of the model
 * registry (promotion is the registry's: batch-jobs, or the ML page of the console).
 *
 * <p>Arguments ({@code --name value}, all optional):
 * <dl>
 *   <dt>--master (local[*])</dt><dd>Spark master.</dd>
 *   <dt>--no-master</dt><dd>under spark-submit: take the master spark-submit sets.</dd>
 *   <dt>--clickhouse-url (jdbc:clickhouse://127.0.0.1:8123/inviteflow?compress=false)</dt><dd>where the archive is.</dd>
 *   <dt>--clickhouse-database (inviteflow)</dt><dd>database of the streaming job's {@code activity_log}.</dd>
 *   <dt>--movielens (none)</dt><dd>train on a {@code user::item::rating::ts} file instead of ClickHouse.</dd>
 *   <dt>--min-rating (3)</dt><dd>with --movielens: lower ratings are not interactions.</dd>
 *   <dt>--meetup (none)</dt><dd>train on Meetup RSVPs (members × group topics) instead of ClickHouse.</dd>
 *   <dt>--shuffle-partitions (4)</dt><dd>{@code spark.sql.shuffle.partitions}.</dd>
 *   <dt>--models-dir (.inviteflow/data/models)</dt><dd>the registry folder; the core reads the same one.</dd>
 *   <dt>--run-id (random)</dt><dd>the registry's id of this run, written into the manifest.</dd>
 *   <dt>--rank, --iterations, --reg-param, --alpha, --k</dt><dd>ALS and evaluation settings (16, 10, 0.1, 10, 10).</dd>
 *   <dt>--hold-out (0.2)</dt><dd>share of the interactions, the latest, held out for evaluation.</dd>
 *   <dt>--min-interactions (2)</dt><dd>below this many rows nothing is trained or written.</dd>
 *   <dt>--settle-days (7)</dt><dd>the answer model learns from invitations sent at least this long before the
 *   archive's newest activity (younger ones may still be answered).</dd>
 * </dl>
 * It prints {@code stage n/5: …} lines as it goes (the registry shows the last one as progress) and exits 0 when a
 * version was written or there was too little data to write one, 1 on failure.
 */
public final class ThemeRecommenderJob {

    static final int STAGES = 6;

    private ThemeRecommenderJob() {
    }

    public static void main(String[] argv) throws Exception {
        JobArguments args = JobArguments.parse(argv);
        SparkSession.Builder builder = SparkSession.builder().appName("inviteflow-theme-recommender")
                .config("spark.sql.shuffle.partitions", args.get("shuffle-partitions", "4"))
                .config("spark.ui.enabled", "false");
        if (!args.has("no-master")) {
            builder.master(args.get("master", "local[*]"))
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            stage(1, "reading interactions");
            Source source = Source.of(args, spark);
            Outcome outcome = train(source.rows(), source.answers(), source.ideas(), source.name(), args.settings(),
                    Path.of(args.get("models-dir", ".inviteflow/data/models")), args.get("run-id",
                            UUID.randomUUID().toString()), Integer.parseInt(args.get("min-interactions", "2")));
            System.out.println(outcome.message());
        }
    }

    /**
     * Where the interactions come from, the invitations for the answer model and the guests' clicks and picks of ideas
     * (neither outside ClickHouse), a name.
     */
    private record Source(Dataset<Row> rows, Dataset<Row> answers, Dataset<Row> ideas, String name) {
        static Source of(JobArguments args, SparkSession spark) {
            if (args.has("movielens")) {
                return new Source(Interactions.fromMovieLens(spark, args.get("movielens", null),
                        Integer.parseInt(args.get("min-rating", "3"))), null, null,
                        "movielens " + args.get("movielens", null));
            }
            if (args.has("meetup")) {
                return new Source(Interactions.fromMeetupRsvps(spark, args.get("meetup", null)), null, null,
                        "meetup " + args.get("meetup", null));
            }
            String url = args.get("clickhouse-url", "jdbc:clickhouse://127.0.0.1:8123/inviteflow?compress=false");
            String database = args.get("clickhouse-database", "inviteflow");
            return new Source(Interactions.fromClickHouse(spark, url, database),
                    AnswerExamples.fromClickHouse(spark, url, database, Integer.parseInt(args.get("settle-days", "7"))),
                    Interactions.ideasFromClickHouse(spark, url, database), "clickhouse " + database + ".activity_log");
        }
    }

    /** What a training run did. {@code published} is null when there was too little data to evaluate a model. */
    record Outcome(RankingExperiment.Result metrics, Path published, String message) {
    }

    static Outcome train(Dataset<Row> interactions, String source, RankingExperiment.Settings settings,
                         Path modelsDir, String runId, int minInteractions) throws Exception {
        return train(interactions, null, source, settings, modelsDir, runId, minInteractions);
    }

    /**
     * {@code answers}: invitations for the answer models ({@link AnswerExamples}), or null for none. A version is
     * written when there is a theme model or an answer model to put in it: too few organizers to evaluate themes do
     * not keep an installation with many answered invitations from its forecasts.
     */
    static Outcome train(Dataset<Row> interactions, Dataset<Row> answers, String source,
                         RankingExperiment.Settings settings, Path modelsDir, String runId, int minInteractions)
            throws Exception {
        return train(interactions, answers, null, source, settings, modelsDir, runId, minInteractions);
    }

    /** {@code ideas}: guest × idea interactions ({@link Interactions#ideaQuery}), or null for none. */
    static Outcome train(Dataset<Row> interactions, Dataset<Row> answers, Dataset<Row> ideas, String source,
                         RankingExperiment.Settings settings, Path modelsDir, String runId, int minInteractions)
            throws Exception {
        long started = System.nanoTime();
        Dataset<Row> cached = interactions.cache();
        long rows = cached.count();
        RankingExperiment.Result result = null;
        ModelPublisher.Themes themes = null;
        String themesSaid;
        if (rows < minInteractions) {
            themesSaid = "only " + rows + " interactions: no theme model";
        } else {
            stage(2, "evaluating against popularity and random (" + rows + " interactions)");
            Dataset<Row> indexed = RankingExperiment.index(cached).cache();
            var experiment = new RankingExperiment(settings);
            result = experiment.run(indexed);
            if (result.testUsers() == 0) {
                themesSaid = "no theme model: no organizer took up a theme new to them after the others, so none "
                        + "can be evaluated (" + result.users() + " organizers, " + result.items() + " themes)";
            } else {
                stage(3, "training on all " + rows + " interactions");
                Dataset<Row> pairs = Split.pairs(indexed).cache();
                themes = new ModelPublisher.Themes(experiment.als().fit(pairs), pairs, result);
                themesSaid = String.format(Locale.ROOT, "NDCG@%d ALS %.4f, popularity %.4f, random %.4f (%s split, "
                                + "%d users, %d items, %d interactions, %d users scored)%s", settings.k(),
                        result.als().ndcg(), result.popularity().ndcg(),
                        result.models().get(RankingExperiment.RANDOM).ndcg(), result.split().kind(), result.users(),
                        result.items(), result.interactions(), result.testUsers(), result.beatsBaseline() ? ""
                                : " — it does not beat popularity, so the version cannot be promoted");
            }
        }
        AnswerModel.Trained answerModel = answerModel(answers, "yes", settings.holdOut());
        AnswerModel.Trained responseModel = answerModel(answers, "answered", settings.holdOut());
        String answersSaid = answerModel == null ? "" : String.format(Locale.ROOT, "; answers: AUC %.3f, log-loss "
                        + "%.4f vs constant %.4f", answerModel.evaluation().auc(), answerModel.evaluation().logLoss(),
                answerModel.evaluation().constantLogLoss());
        ModelPublisher.Ideas ideaModel = ideaModel(ideas, settings, minInteractions);
        String ideasSaid = ideas == null ? "" : ideaModel == null ? "; no idea model" : String.format(Locale.ROOT,
                "; ideas: NDCG@%d ALS %.4f, popularity %.4f%s", settings.k(), ideaModel.trained().result().als().ndcg(),
                ideaModel.trained().result().popularity().ndcg(), ideaModel.trained().result().beatsBaseline() ? ""
                        : " — it does not beat popularity, so it is not written (guests keep the popular ideas)");
        boolean ideasServed = ideaModel != null && ideaModel.trained().result().beatsBaseline();
        if (themes == null && answerModel == null && responseModel == null && !ideasServed) {
            return new Outcome(result, null, "nothing written: " + themesSaid
                    + (answers == null ? "" : "; no answer model") + ideasSaid);
        }
        stage(6, "writing the version");
        double seconds = (System.nanoTime() - started) / 1e9;
        Path dir = new ModelPublisher(modelsDir).publish(themes, cached,
                new ModelPublisher.InvitationModels(answerModel, responseModel), ideaModel,
                new ModelPublisher.Provenance(runId, source, CodeVersion.current(), settings, seconds), Instant.now());
        return new Outcome(result, dir, "wrote " + dir + ": " + themesSaid + answersSaid + ideasSaid);
    }

    /**
     * The model of {@code target} ({@code yes}, {@code answered}); null without invitations, or when they cannot teach
     * anything (all alike, or too few).
     */
    private static AnswerModel.Trained answerModel(Dataset<Row> answers, String target, double holdOut) {
        if (answers == null) {
            return null;
        }
        Dataset<Row> cached = answers.cache();
        long examples = cached.count();
        long positive = examples == 0 ? 0 : cached.filter(target + " = 1.0").count();
        if (examples < 50 || positive == 0 || positive == examples) {
            stage(4, "no " + target + " model: " + examples + " settled invitations, " + positive + " " + target);
            return null;
        }
        stage(4, "training the " + target + " model on " + examples + " settled invitations");
        AnswerModel.Trained trained = AnswerModel.trainAndEvaluate(cached, target, holdOut);
        if (trained == null || !trained.evaluation().beatsConstant()) {
            // served, a model no better than the base rate would make forecasts look informed when they are not
            stage(4, "no " + target + " model: " + (trained == null ? "the split by time left nothing to test on"
                    : "it does not beat a constant on later invitations (AUC " + trained.evaluation().auc() + ")"));
            return null;
        }
        return trained;
    }

    /** The idea ranker, or null without clicks and picks or when nobody chose anything new to evaluate it on. */
    private static ModelPublisher.Ideas ideaModel(Dataset<Row> ideas, RankingExperiment.Settings settings,
                                                  int minInteractions) {
        if (ideas == null) {
            return null;
        }
        Dataset<Row> cached = ideas.cache();
        long rows = cached.count();
        if (rows < minInteractions) {
            stage(5, "no idea model: " + rows + " clicks and picks");
            return null;
        }
        stage(5, "evaluating and training the idea ranker on " + rows + " clicks and picks");
        IdeaRanker.Trained trained = IdeaRanker.trainAndEvaluate(cached, settings);
        if (trained == null) {
            stage(5, "no idea model: no guest chose an idea new to them after the others, so none can be evaluated");
            return null;
        }
        return new ModelPublisher.Ideas(trained, cached);
    }

    private static void stage(int n, String what) {
        System.out.println("stage " + n + "/" + STAGES + ": " + what);
    }

    /** {@code --name value} pairs, and flags; an unknown name is refused with the list of known ones. */
    record JobArguments(Map<String, String> values) {

        private static final java.util.Set<String> KNOWN = java.util.Set.of("master", "no-master", "clickhouse-url",
                "clickhouse-database", "movielens", "min-rating", "meetup", "models-dir", "run-id", "rank",
                "iterations", "reg-param", "alpha", "k", "hold-out", "min-interactions", "shuffle-partitions",
                "settle-days");

        static JobArguments parse(String[] argv) {
            return parse(argv, KNOWN);
        }

        static JobArguments parse(String[] argv, java.util.Set<String> known) {
            Map<String, String> args = new java.util.HashMap<>();
            for (int i = 0; i < argv.length; i++) {
                if (!argv[i].startsWith("--") || !known.contains(argv[i].substring(2))) {
                    throw new IllegalArgumentException("unknown argument " + argv[i] + "; known: --"
                            + String.join(", --", new java.util.TreeSet<>(known)));
                }
                boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
                args.put(argv[i].substring(2), flag ? "true" : argv[++i]);
            }
            return new JobArguments(args);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        RankingExperiment.Settings settings() {
            var d = RankingExperiment.Settings.defaults();
            return new RankingExperiment.Settings(
                    Integer.parseInt(get("rank", String.valueOf(d.rank()))),
                    Integer.parseInt(get("iterations", String.valueOf(d.iterations()))),
                    Double.parseDouble(get("reg-param", String.valueOf(d.regParam()))),
                    Double.parseDouble(get("alpha", String.valueOf(d.alpha()))),
                    Integer.parseInt(get("k", String.valueOf(d.k()))),
                    Double.parseDouble(get("hold-out", String.valueOf(d.holdOut()))), d.seed());
        }
    }
}
