package io.inviteflow.recommender;

import io.inviteflow.contract.forecast.AnswerModelFile;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

/**
 * The chance that an invitation ends with a YES (or with any answer: the same pipeline on another label): a Spark ML
 * Pipeline (one-hot categories, logistic regression) trained
 * on the invitations sent before a cutoff and scored on those sent after it, against a constant (the training base
 * rate): AUC, log-loss and calibration. The final model, trained on all examples, is exported as an
 * {@link AnswerModelFile} that the core scores without Spark.
 */
final class AnswerModel {

    static final List<String> CATEGORICAL = List.of("channel", "theme", "template", "hour", "weekday", "age");
    static final List<String> NUMERIC = List.of("opened", "referred");
    private static final double EPSILON = 1e-15;

    /** One tenth of the predicted chances: how many, the mean chance predicted, the share that said yes. */
    record Bin(double from, double to, long invitations, double predicted, double observed) {
    }

    /**
     * @param auc             area under the ROC curve on the held-out invitations (a constant scores 0.5)
     * @param logLoss         the model's mean log-loss there
     * @param constantLogLoss the log-loss of always predicting the training base rate
     */
    record Evaluation(double auc, double logLoss, double constantLogLoss, double baseRate, long train, long test,
                      List<Bin> calibration) {
        boolean beatsConstant() {
            return logLoss < constantLogLoss && auc > 0.5;
        }
    }

    /** The exported file (its version is stamped when written), how it scored, and Spark's model it came from. */
    record Trained(AnswerModelFile file, Evaluation evaluation, PipelineModel model) {
    }

    private AnswerModel() {
    }

    /**
     * Evaluates on a split by time ({@code holdOut}: the latest share of invitations), then trains on all; null when
     * the split leaves no invitation to test on, or training invitations of one label only.
     *
     * @param target the label column: {@code yes} (the forecast's) or {@code answered} (the reminders')
     */
    static Trained trainAndEvaluate(Dataset<Row> examples, String target, double holdOut) {
        Dataset<Row> cached = examples.withColumn("label", col(target)).cache();
        double[] quantile = cached.stat().approxQuantile("at", new double[]{1 - holdOut}, 0.001);
        long cutoff = (long) Math.floor(quantile[0]) + 1;
        Dataset<Row> train = cached.filter(col("at").lt(cutoff));
        Dataset<Row> test = cached.filter(col("at").geq(cutoff));
        if (!bothLabels(train) || test.isEmpty()) {
            return null; // invitations sent in one go can all fall on one side of the cutoff
        }
        Evaluation evaluation = evaluate(pipeline().fit(train), train, test);
        PipelineModel all = pipeline().fit(cached);
        return new Trained(export(all, null), evaluation, all);
    }

    private static boolean bothLabels(Dataset<Row> rows) {
        return rows.select("label").distinct().count() == 2;
    }

    static Pipeline pipeline() {
        List<String> indexed = CATEGORICAL.stream().map(c -> c + "_i").toList();
        List<String> encoded = CATEGORICAL.stream().map(c -> c + "_v").toList();
        List<String> assembled = new ArrayList<>(encoded);
        assembled.addAll(NUMERIC);
        return new Pipeline().setStages(new PipelineStage[]{
                // a value never seen in training gets the extra "unknown" index, not an error
                new StringIndexer().setInputCols(CATEGORICAL.toArray(String[]::new))
                        .setOutputCols(indexed.toArray(String[]::new)).setHandleInvalid("keep"),
                // every value its own column (no reference level dropped), so each has a weight to export
                new OneHotEncoder().setInputCols(indexed.toArray(String[]::new))
                        .setOutputCols(encoded.toArray(String[]::new)).setDropLast(false),
                new VectorAssembler().setInputCols(assembled.toArray(String[]::new)).setOutputCol("features"),
                new LogisticRegression().setLabelCol("label").setRegParam(0.01).setMaxIter(100)});
    }

    private static Evaluation evaluate(PipelineModel model, Dataset<Row> train, Dataset<Row> test) {
        double baseRate = train.agg(avg("label")).first().getDouble(0);
        Dataset<Row> scored = model.transform(test)
                .withColumn("p", vector_to_array(col("probability"), "float64").getItem(1)).cache();
        double auc = new BinaryClassificationEvaluator().setLabelCol("label").setRawPredictionCol("rawPrediction")
                .setMetricName("areaUnderROC").evaluate(scored);
        double logLoss = logLoss(scored, col("p"));
        double constantLogLoss = logLoss(scored, lit(baseRate));
        List<Bin> calibration = new ArrayList<>();
        for (Row r : scored.withColumn("bin", least(floor(col("p").multiply(10)), lit(9)))
                .groupBy("bin").agg(count(lit(1)), avg("p"), avg("label")).orderBy("bin").collectAsList()) {
            long bin = r.getLong(0);
            calibration.add(new Bin(bin / 10.0, (bin + 1) / 10.0, r.getLong(1), r.getDouble(2), r.getDouble(3)));
        }
        long tested = scored.count();
        scored.unpersist();
        return new Evaluation(auc, logLoss, constantLogLoss, baseRate, train.count(), tested, calibration);
    }

    private static double logLoss(Dataset<Row> scored, org.apache.spark.sql.Column p) {
        org.apache.spark.sql.Column clipped = least(greatest(p, lit(EPSILON)), lit(1 - EPSILON));
        return scored.agg(avg(when(col("label").equalTo(1.0), log(clipped)).otherwise(log(lit(1.0).minus(clipped)))
                .multiply(-1))).first().getDouble(0);
    }

    /** The fitted pipeline's weights by feature value: the vector's layout is the indexer's labels, then "unknown". */
    static AnswerModelFile export(PipelineModel model, String version) {
        StringIndexerModel indexer = (StringIndexerModel) model.stages()[0];
        LogisticRegressionModel regression = (LogisticRegressionModel) model.stages()[3];
        double[] weights = regression.coefficients().toArray();
        String[][] labels = indexer.labelsArray();
        Map<String, AnswerModelFile.Categorical> categorical = new LinkedHashMap<>();
        int at = 0;
        for (int f = 0; f < CATEGORICAL.size(); f++) {
            Map<String, Double> byValue = new LinkedHashMap<>();
            for (String value : labels[f]) {
                byValue.put(value, weights[at++]);
            }
            categorical.put(CATEGORICAL.get(f), new AnswerModelFile.Categorical(byValue, weights[at++]));
        }
        Map<String, Double> numeric = new LinkedHashMap<>();
        for (String name : NUMERIC) {
            numeric.put(name, weights[at++]);
        }
        if (at != weights.length) {
            throw new IllegalStateException("the features vector has " + weights.length + " weights, the export "
                    + "explained " + at);
        }
        return new AnswerModelFile(version, regression.intercept(), categorical, numeric);
    }
}
