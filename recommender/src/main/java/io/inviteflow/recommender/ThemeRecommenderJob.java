package io.inviteflow.recommender;

import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Trains the theme recommender: implicit ALS over organizers × invitation themes, evaluated against popularity by
 * NDCG@k on a per-user hold-out, retrained on all data and published for the core.
 *
 * <p>Arguments ({@code --name value}, all optional):
 * <dl>
 *   <dt>--master (local[*])</dt><dd>Spark master.</dd>
 *   <dt>--no-master</dt><dd>under spark-submit: take the master spark-submit sets.</dd>
 *   <dt>--clickhouse-url (jdbc:clickhouse://127.0.0.1:8123/inviteflow?compress=false)</dt><dd>where the archive is.</dd>
 *   <dt>--clickhouse-database (inviteflow)</dt><dd>database of the streaming job's {@code activity_log}.</dd>
 *   <dt>--movielens (none)</dt><dd>train on a {@code user::item::rating::ts} file instead of ClickHouse (tests, benchmarks).</dd>
 *   <dt>--min-rating (3)</dt><dd>with --movielens: lower ratings are not interactions.</dd>
 *   <dt>--shuffle-partitions (4)</dt><dd>{@code spark.sql.shuffle.partitions}.</dd>
 *   <dt>--models-dir (.inviteflow/data/models)</dt><dd>where versions are published; the core reads the same folder.</dd>
 *   <dt>--rank, --iterations, --reg-param, --alpha, --k</dt><dd>ALS and evaluation settings (16, 10, 0.1, 10, 10).</dd>
 *   <dt>--min-interactions (2)</dt><dd>below this many rows nothing is trained or published.</dd>
 * </dl>
 * A model that does not beat the popularity baseline is not published: the core keeps serving the last one.
 */
public final class ThemeRecommenderJob {

    private ThemeRecommenderJob() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        SparkSession.Builder builder = SparkSession.builder().appName("inviteflow-theme-recommender")
                .config("spark.sql.shuffle.partitions", args.getOrDefault("shuffle-partitions", "4"))
                .config("spark.ui.enabled", "false");
        if (!args.containsKey("no-master")) {
            builder.master(args.getOrDefault("master", "local[*]"))
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            Dataset<Row> interactions = args.containsKey("movielens")
                    ? Interactions.fromMovieLens(spark, args.get("movielens"),
                            Integer.parseInt(args.getOrDefault("min-rating", "3")))
                    : Interactions.fromClickHouse(spark,
                            args.getOrDefault("clickhouse-url", "jdbc:clickhouse://127.0.0.1:8123/inviteflow?compress=false"),
                            args.getOrDefault("clickhouse-database", "inviteflow"));
            Outcome outcome = train(interactions, settings(args), Path.of(args.getOrDefault("models-dir",
                    ".inviteflow/data/models")), Integer.parseInt(args.getOrDefault("min-interactions", "2")));
            System.out.println(outcome.message());
        }
    }

    /** What a training run did. {@code published} is null when there was too little data. */
    record Outcome(RankingExperiment.Result metrics, Path published, String message) {
    }

    static Outcome train(Dataset<Row> interactions, RankingExperiment.Settings settings, Path modelsDir,
                         int minInteractions) throws Exception {
        Dataset<Row> cached = interactions.cache();
        long rows = cached.count();
        if (rows < minInteractions) {
            return new Outcome(null, null, "only " + rows + " interactions: nothing trained, nothing published");
        }
        var experiment = new RankingExperiment(settings);
        RankingExperiment.Result metrics = experiment.run(cached);
        if (metrics.testUsers() == 0) {
            return new Outcome(metrics, null, "not published: no organizer has used two themes yet, so no model can "
                    + "be evaluated (" + metrics.users() + " organizers, " + metrics.items() + " themes)");
        }
        if (!metrics.beatsBaseline()) {
            // the core would serve it as "personal": worse than what it serves without a model
            return new Outcome(metrics, null, String.format(java.util.Locale.ROOT,
                    "not published: NDCG@%d ALS %.4f does not beat popularity %.4f", settings.k(),
                    metrics.alsNdcg(), metrics.popularityNdcg()));
        }
        Dataset<Row> indexed = RankingExperiment.index(cached).cache();
        ALSModel full = experiment.als().fit(indexed);
        Path dir = new ModelPublisher(modelsDir).publish(full, indexed, metrics, settings.k(), Instant.now());
        return new Outcome(metrics, dir, String.format(java.util.Locale.ROOT,
                "published %s: NDCG@%d ALS %.4f vs popularity %.4f (%d users, %d items, %d interactions)",
                dir, settings.k(), metrics.alsNdcg(), metrics.popularityNdcg(), metrics.users(), metrics.items(),
                metrics.interactions()));
    }

    private static RankingExperiment.Settings settings(Map<String, String> a) {
        var d = RankingExperiment.Settings.defaults();
        return new RankingExperiment.Settings(
                Integer.parseInt(a.getOrDefault("rank", String.valueOf(d.rank()))),
                Integer.parseInt(a.getOrDefault("iterations", String.valueOf(d.iterations()))),
                Double.parseDouble(a.getOrDefault("reg-param", String.valueOf(d.regParam()))),
                Double.parseDouble(a.getOrDefault("alpha", String.valueOf(d.alpha()))),
                Integer.parseInt(a.getOrDefault("k", String.valueOf(d.k()))),
                d.holdOut(), d.seed());
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("master", "no-master", "clickhouse-url",
            "clickhouse-database", "movielens", "min-rating", "models-dir", "rank", "iterations", "reg-param", "alpha",
            "k", "min-interactions", "shuffle-partitions");

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || !KNOWN.contains(argv[i].substring(2))) {
                throw new IllegalArgumentException("unknown argument " + argv[i] + "; known: --"
                        + String.join(", --", new java.util.TreeSet<>(KNOWN)));
            }
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            args.put(argv[i].substring(2), flag ? "true" : argv[++i]);
        }
        return args;
    }
}
