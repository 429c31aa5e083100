package io.inviteflow.recommender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.contract.forecast.AnswerModelFile;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * Writes a model version into the registry folder as plain files, for the ML team to compare and promote (batch-jobs'
 * model registry) and for the core to serve without Spark:
 * <pre>
 * {modelsDir}/themes/{version}/model/            the Spark ALS model (reloadable with ALSModel.load)
 * {modelsDir}/themes/{version}/suggestions.json  {version, trainedAt, popular:[…], popularBySegment:{type|season:[…],
 *                                                type:[…]}, users:{id:[…]}}: what the core serves
 * {modelsDir}/themes/{version}/answers.json      the chance of a YES (AnswerModelFile), when there were invitations
 * {modelsDir}/themes/{version}/responds.json     the chance of any answer (AnswerModelFile), likewise
 * {modelsDir}/themes/{version}/ideas.json        the idea ranker's factors (IdeaModelFile), when it beats popularity
 * {modelsDir}/themes/{version}/manifest.json     what it was trained on and how it scored (see {@link #manifest});
 *                                                {@code answers}, {@code responds}: the models' AUC, log-loss
 *                                                and calibration
 * </pre>
 * A version is only a candidate: {@code themes/CURRENT}, the version served, is the registry's to change. The
 * manifest is written last, by rename, so a version with a manifest is complete.
 */
final class ModelPublisher {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("'v'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path themesDir;

    ModelPublisher(Path modelsDir) {
        this.themesDir = modelsDir.resolve("themes");
    }

    /** What the manifest says beside the metrics. */
    record Provenance(String runId, String source, String codeVersion, RankingExperiment.Settings settings,
                      double trainingSeconds) {
    }

    /**
     * The theme model of a version: ALS trained on all pairs, and how it scored on the split.
     *
     * @param pairs one row per user and item ({@code u, i, user, item, confidence}), what ALS was trained on
     */
    record Themes(ALSModel model, Dataset<Row> pairs, RankingExperiment.Result result) {
    }

    /**
     * Writes a new version; returns its directory. Without a theme model ({@code themes} null: too few organizers
     * to evaluate one) the version still serves the popular themes, with its answer models.
     *
     * @param rows every interaction (with its context), for the popular themes overall and per context
     */
    Path publish(Themes themes, Dataset<Row> rows, InvitationModels invitations, Ideas ideas, Provenance provenance,
                 Instant trainedAt) throws IOException {
        Path dir = newVersionDir(trainedAt);
        String version = dir.getFileName().toString();
        int k = provenance.settings().k();
        ObjectNode suggestions = json.createObjectNode().put("version", version).put("trainedAt", trainedAt.toString());
        writePopular(suggestions.putArray("popular"), rows, k);
        writePopularByContext(suggestions.putObject("popularBySegment"), rows, k);
        ObjectNode users = suggestions.putObject("users");
        if (themes != null) {
            themes.model().write().overwrite().save(dir.resolve("model").toUri().toString());
            writePersonal(users, themes.model(), themes.pairs(), k);
        }
        json.writeValue(dir.resolve("suggestions.json").toFile(), suggestions);
        writeModel(dir.resolve("answers.json"), invitations.yes(), version);
        writeModel(dir.resolve("responds.json"), invitations.answered(), version);
        boolean ideasServed = ideas != null && ideas.trained().result().beatsBaseline();
        if (ideasServed) {
            // one line: factors of every guest, indented, would be most of the file's size
            json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("ideas.json").toFile(),
                    IdeaRanker.export(ideas.trained(), ideas.rows(), version));
        }

        Path tmp = dir.resolve("manifest.json.tmp");
        ObjectNode manifest = manifest(version, trainedAt, themes == null ? null : themes.result(), provenance);
        // promotable: every model it holds beats its baseline (answer models and the idea ranker are only written
        // when they do: a young idea ranker must not hold back better themes and forecasts)
        manifest.put("promotable", themes == null || themes.result().beatsBaseline());
        if (ideas != null) {
            ObjectNode node = manifest.putObject("ideas");
            experiment(node, ideas.trained().result(), provenance.settings().k());
            node.put("guests", ideas.trained().result().users()).put("beatsPopularity", ideasServed)
                    .put("served", ideasServed);
        }
        if (invitations.yes() != null) {
            manifest.set("answers", json.valueToTree(invitations.yes().evaluation()));
        }
        if (invitations.answered() != null) {
            manifest.set("responds", json.valueToTree(invitations.answered().evaluation()));
        }
        json.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /**
     * {@code {version, runId, trainedAt, codeVersion, source, trainingSeconds, settings{…}, data{split, from, cutoff,
     * to, interactions, pairs, users, items, testUsers}, metrics{k, als{ndcg, precision, map, coverage},
     * popularity{…}, random{…}}, beatsPopularity}}; times are ISO-8601 UTC. Without a theme model ({@code result}
     * null) no data and metrics, and beatsPopularity false.
     */
    ObjectNode manifest(String version, Instant trainedAt, RankingExperiment.Result result, Provenance provenance) {
        ObjectNode doc = json.createObjectNode().put("version", version).put("runId", provenance.runId())
                .put("trainedAt", trainedAt.toString()).put("codeVersion", provenance.codeVersion())
                .put("source", provenance.source()).put("trainingSeconds", provenance.trainingSeconds());
        RankingExperiment.Settings s = provenance.settings();
        doc.putObject("settings").put("rank", s.rank()).put("iterations", s.iterations()).put("regParam", s.regParam())
                .put("alpha", s.alpha()).put("holdOut", s.holdOut()).put("seed", s.seed());
        if (result == null) {
            return doc.put("beatsPopularity", false);
        }
        experiment(doc, result, s.k());
        doc.put("beatsPopularity", result.beatsBaseline());
        return doc;
    }

    /** {@code data{…}} and {@code metrics{…}} of a ranking experiment, into {@code doc}. */
    private static void experiment(ObjectNode doc, RankingExperiment.Result result, int k) {
        Split split = result.split();
        doc.putObject("data").put("split", split.kind())
                .put("from", Instant.ofEpochSecond(split.from()).toString())
                .put("cutoff", Instant.ofEpochSecond(split.cutoff()).toString())
                .put("to", Instant.ofEpochSecond(split.to()).toString())
                .put("interactions", result.interactions()).put("pairs", result.pairs())
                .put("users", result.users()).put("items", result.items()).put("testUsers", result.testUsers());
        ObjectNode metrics = doc.putObject("metrics").put("k", k);
        for (Map.Entry<String, RankingMetrics> model : result.models().entrySet()) {
            RankingMetrics m = model.getValue();
            metrics.putObject(model.getKey()).put("ndcg", m.ndcg()).put("precision", m.precision())
                    .put("map", m.map()).put("coverage", m.coverage());
        }
    }

    /** The idea ranker and the clicks and picks it learned from (for the popular ideas per event type). */
    record Ideas(IdeaRanker.Trained trained, Dataset<Row> rows) {
    }

    /** The models of invitations: the chance of a YES (the forecast's) and of any answer (the reminders'); null: none. */
    record InvitationModels(AnswerModel.Trained yes, AnswerModel.Trained answered) {
    }

    private void writeModel(Path file, AnswerModel.Trained trained, String version) throws IOException {
        if (trained != null) {
            AnswerModelFile f = trained.file();
            json.writeValue(file.toFile(), new AnswerModelFile(version, f.intercept(), f.categorical(), f.numeric()));
        }
    }

    /** {@code v…Z}, or {@code v…Z-2}, {@code -3}… when two runs finish in the same second. */
    private Path newVersionDir(Instant trainedAt) throws IOException {
        Files.createDirectories(themesDir);
        String base = VERSION.format(trainedAt);
        for (int n = 1; ; n++) {
            Path dir = themesDir.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // next suffix
            }
        }
    }

    /** Most users first, then most confidence. */
    private static void writePopular(ArrayNode popular, Dataset<Row> rows, int k) {
        List<Row> top = rows.groupBy("item").agg(countDistinct("user").as("users"), sum("confidence").as("c"))
                .orderBy(desc("users"), desc("c"), col("item")).limit(k).collectAsList();
        for (Row r : top) {
            popular.addObject().put("theme", r.getString(0)).put("score", r.getLong(1));
        }
    }

    /**
     * The most popular items per context ({@code type|season}) and per type alone (the part before {@code |}):
     * what a newcomer planning that kind of event is served.
     */
    private static void writePopularByContext(ObjectNode segments, Dataset<Row> rows, int k) {
        Dataset<Row> known = rows.filter(col("context").isNotNull().and(col("context").notEqual("")));
        Dataset<Row> byContext = known.select(col("context").as("segment"), col("user"), col("item"),
                col("confidence"));
        Dataset<Row> byType = known.select(split(col("context"), "\\|").getItem(0).as("segment"), col("user"),
                col("item"), col("confidence"));
        Dataset<Row> ranked = byContext.union(byType).groupBy("segment", "item")
                .agg(countDistinct("user").as("users"), sum("confidence").as("c"))
                .withColumn("rank", row_number().over(Window.partitionBy("segment")
                        .orderBy(desc("users"), desc("c"), col("item"))))
                .filter(col("rank").leq(k)).orderBy("segment", "rank");
        for (Row r : ranked.select("segment", "item", "users").collectAsList()) {
            ArrayNode list = segments.has(r.getString(0)) ? (ArrayNode) segments.get(r.getString(0))
                    : segments.putArray(r.getString(0));
            list.addObject().put("theme", r.getString(1)).put("score", r.getLong(2));
        }
    }

    private static void writePersonal(ObjectNode users, ALSModel model, Dataset<Row> pairs, int k) {
        Dataset<Row> userNames = pairs.select("u", "user").distinct();
        Dataset<Row> itemNames = pairs.select("i", "item").distinct();
        Dataset<Row> flat = model.recommendForAllUsers(k)
                .selectExpr("u", "posexplode(recommendations) AS (rank, r)")
                .selectExpr("u", "rank", "r.i AS i", "r.rating AS score")
                .join(userNames, "u").join(itemNames, "i")
                .orderBy("user", "rank");
        for (Row r : flat.select("user", "item", "score").collectAsList()) {
            ArrayNode list = users.has(r.getString(0)) ? (ArrayNode) users.get(r.getString(0))
                    : users.putArray(r.getString(0));
            list.addObject().put("theme", r.getString(1)).put("score", r.getFloat(2));
        }
    }
}
