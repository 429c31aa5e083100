package io.inviteflow.recommender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * Publishes a model version as plain files that the core reads without Spark:
 * <pre>
 * {modelsDir}/themes/{version}/model/            the Spark ALS model (reloadable with ALSModel.load)
 * {modelsDir}/themes/{version}/suggestions.json  {version, trainedAt, metrics, popular:[…], users:{id:[…]}}
 * {modelsDir}/themes/CURRENT                     the version the core serves (replaced atomically)
 * </pre>
 */
final class ModelPublisher {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("'v'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path themesDir;

    ModelPublisher(Path modelsDir) {
        this.themesDir = modelsDir.resolve("themes");
    }

    /** Writes the version and makes it current; returns its directory. */
    Path publish(ALSModel model, Dataset<Row> indexed, RankingExperiment.Result metrics, int k, Instant trainedAt)
            throws IOException {
        String version = VERSION.format(trainedAt);
        Path dir = themesDir.resolve(version);
        Files.createDirectories(dir);
        model.write().overwrite().save(dir.resolve("model").toUri().toString());

        ObjectNode doc = json.createObjectNode().put("version", version).put("trainedAt", trainedAt.toString());
        doc.putObject("metrics")
                .put("ndcgAt" + k, metrics.alsNdcg())
                .put("popularityNdcgAt" + k, metrics.popularityNdcg())
                .put("users", metrics.users()).put("items", metrics.items())
                .put("interactions", metrics.interactions()).put("testUsers", metrics.testUsers());
        writePopular(doc.putArray("popular"), indexed, k);
        writePersonal(doc.putObject("users"), model, indexed, k);

        Path file = dir.resolve("suggestions.json");
        json.writeValue(file.toFile(), doc);
        pointCurrentTo(version);
        return dir;
    }

    private static void writePopular(ArrayNode popular, Dataset<Row> indexed, int k) {
        List<Row> top = indexed.groupBy("item").agg(count(lit(1)).as("users"), sum("confidence").as("c"))
                .orderBy(desc("users"), desc("c"), col("item")).limit(k).collectAsList();
        for (Row r : top) {
            popular.addObject().put("theme", r.getString(0)).put("score", r.getLong(1));
        }
    }

    private static void writePersonal(ObjectNode users, ALSModel model, Dataset<Row> indexed, int k) {
        Dataset<Row> userNames = indexed.select("u", "user").distinct();
        Dataset<Row> itemNames = indexed.select("i", "item").distinct();
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

    private void pointCurrentTo(String version) throws IOException {
        Path tmp = themesDir.resolve("CURRENT.tmp");
        Files.writeString(tmp, version + "\n");
        Files.move(tmp, themesDir.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
