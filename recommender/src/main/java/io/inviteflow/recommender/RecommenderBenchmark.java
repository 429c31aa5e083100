package io.inviteflow.recommender;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The recommender's benchmark: a full retrain (evaluation, final fit, version written) of one million synthetic
 * interactions with planted tastes, timed, and the quality of ALS against the popularity and random baselines on that
 * data and on the public samples (Spark's MovieLens sample, the Meetup RSVPs); the answer model against a constant on
 * synthetic invitations. Appends its section to the report.
 *
 * <p>Arguments: {@code --shared} (../shared) where the public data is, {@code --work-dir} (target/recommender-bench)
 * for the versions it writes, {@code --out} (docs/benchmarks.md), {@code --command} how it was run, {@code
 * --interactions} (1000000).
 */
public final class RecommenderBenchmark {

    private static final int USERS = 20_000;
    private static final int ITEMS = 2_000;
    private static final int TASTES = 20;
    private static final double AFFINITY = 0.8;

    private RecommenderBenchmark() {
    }

    record Run(String data, ThemeRecommenderJob.Outcome outcome, double seconds) {
    }

    public static void main(String[] argv) throws Exception {
        ThemeRecommenderJob.JobArguments args = ThemeRecommenderJob.JobArguments.parse(argv,
                java.util.Set.of("shared", "work-dir", "out", "command", "interactions"));
        Path work = Path.of(args.get("work-dir", "target/recommender-bench"));
        Path shared = Path.of(args.get("shared", "../shared"));
        long interactions = Long.parseLong(args.get("interactions", "1000000"));
        RankingExperiment.Settings settings = RankingExperiment.Settings.defaults();
        try (SparkSession spark = SparkSession.builder().appName("inviteflow-recommender-benchmark")
                .master("local[*]").config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            // generated once and stored, so the timed run reads its input like a retrain reads the archive
            Path synthetic = work.resolve("synthetic.parquet");
            SyntheticInteractions.generate(spark, interactions, USERS, ITEMS, TASTES, AFFINITY, 11)
                    .write().mode(SaveMode.Overwrite).parquet(synthetic.toString());
            List<Run> runs = new ArrayList<>();
            runs.add(timed(String.format(Locale.ROOT, "synthetic, %,d interactions (%,d users, %,d items, %d tastes)",
                    interactions, USERS, ITEMS, TASTES), spark.read().parquet(synthetic.toString()), settings, work));
            runs.add(timed("Spark's MovieLens sample, ratings ≥ 3", Interactions.fromMovieLens(spark,
                    shared.resolve("data/sample_movielens_ratings.txt").toString(), 3), settings, work));
            runs.add(timed("Meetup RSVPs 2017, members × group topics", Interactions.fromMeetupRsvps(spark,
                    shared.resolve("data/meetup-rsvps-2017.jsonl").toString()), settings, work));
            long invitations = interactions / 5;
            long started = System.nanoTime();
            AnswerModel.Evaluation answers = AnswerModel.trainAndEvaluate(
                    AnswerExamples.synthetic(spark, invitations, 5), "yes", settings.holdOut()).evaluation();
            double answerSeconds = (System.nanoTime() - started) / 1e9;
            String section = render(runs, settings, args.get("command", "RecommenderBenchmark"))
                    + renderAnswers(answers, invitations, answerSeconds);
            Path out = Path.of(args.get("out", "docs/benchmarks.md"));
            Files.writeString(out, section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println(section);
        }
    }

    private static Run timed(String name, Dataset<Row> rows, RankingExperiment.Settings settings, Path work)
            throws Exception {
        long started = System.nanoTime();
        var outcome = ThemeRecommenderJob.train(rows, name, settings, work.resolve("models"), "benchmark", 2);
        return new Run(name, outcome, (System.nanoTime() - started) / 1e9);
    }

    static String renderAnswers(AnswerModel.Evaluation e, long invitations, double seconds) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """

                ### Answer prediction (logistic regression, Spark ML Pipeline)

                %,d synthetic invitations whose YES depends on planted causes (opened, channel, hour of sending), split
                by time (the latest 20 %% held out), trained and evaluated in %.1f s: AUC **%.3f** (a constant: 0.5),
                log-loss **%.4f** against %.4f for the constant training base rate (%.3f). Calibration on the %,d
                held-out invitations:

                | predicted | invitations | mean predicted | said yes |
                |---|---:|---:|---:|
                """, invitations, seconds, e.auc(), e.logLoss(), e.constantLogLoss(), e.baseRate(), e.test()));
        for (AnswerModel.Bin bin : e.calibration()) {
            md.append(String.format(Locale.ROOT, "| %.1f–%.1f | %,d | %.3f | %.3f |%n", bin.from(), bin.to(),
                    bin.invitations(), bin.predicted(), bin.observed()));
        }
        return md.toString();
    }

    static String render(List<Run> runs, RankingExperiment.Settings settings, String command) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """

                ## Recommender: retrain and quality (Spark MLlib, local[*], %s)

                Command: `%s`. Implicit ALS (rank %d, %d iterations, regParam %s, alpha %s) against two baselines
                trained on the same past: popularity (most users first) and random (a fixed random order per user).
                Split by time where the data has an order (the latest %d %% of the interactions held out; scored: users
                known before the cutoff, on items new to them), else a per-user random hold-out. A full retrain is
                reading, evaluating, training on all data and writing the version (model, suggestions, manifest).

                | data | split | users scored | retrain s | model | NDCG@%d | precision@%d | MAP@%d | coverage |
                |---|---|---:|---:|---|---:|---:|---:|---:|
                """, Instant.now(), command, settings.rank(), settings.iterations(), settings.regParam(),
                settings.alpha(), Math.round(settings.holdOut() * 100), settings.k(), settings.k(), settings.k()));
        for (Run run : runs) {
            var result = run.outcome().metrics();
            if (result == null || result.testUsers() == 0) {
                md.append("| ").append(run.data()).append(" | – | 0 | – | ").append(run.outcome().message())
                        .append(" | | | | |\n");
                continue;
            }
            boolean first = true;
            for (var model : result.models().entrySet()) {
                RankingMetrics m = model.getValue();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4f | %.4f | %.4f | %.3f |%n",
                        first ? run.data() : "", first ? result.split().kind() : "",
                        first ? String.format(Locale.ROOT, "%,d", result.testUsers()) : "",
                        first ? String.format(Locale.ROOT, "%.1f", run.seconds()) : "",
                        model.getKey(), m.ndcg(), m.precision(), m.map(), m.coverage()));
                first = false;
            }
        }
        md.append('\n');
        for (Run run : runs) {
            var result = run.outcome().metrics();
            if (result != null && result.testUsers() > 0) {
                md.append(String.format(Locale.ROOT, "- %s: NDCG@%d of ALS is **%.2f×** popularity's.%n", run.data(),
                        settings.k(), result.als().ndcg() / result.popularity().ndcg()));
            }
        }
        return md.toString();
    }
}
