package io.inviteflow.recommender;

import io.inviteflow.contract.forecast.AnswerModelFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnswerModelTest {

    @Test
    void onPlantedCausesTheClassifierBeatsAConstantOnLaterInvitationsAndIsCalibrated() {
        Dataset<Row> examples = AnswerExamples.synthetic(SparkTestSession.get(), 20_000, 3);

        AnswerModel.Evaluation evaluation = AnswerModel.trainAndEvaluate(examples, "yes", 0.2).evaluation();

        System.out.println(evaluation);
        assertThat(evaluation.beatsConstant()).isTrue();
        assertThat(evaluation.auc()).isGreaterThan(0.7);
        assertThat(evaluation.logLoss()).isLessThan(evaluation.constantLogLoss() - 0.05);
        assertThat(evaluation.test()).isBetween(3_000L, 5_000L);
        assertThat(evaluation.calibration().stream().mapToLong(AnswerModel.Bin::invitations).sum())
                .isEqualTo(evaluation.test());
        // where the model says "about 70 %", about 70 % said yes
        evaluation.calibration().stream().filter(b -> b.invitations() > 300).forEach(b ->
                assertThat(b.observed()).as("bin %s", b).isCloseTo(b.predicted(), within(0.05)));
    }

    @Test
    void theChanceOfAnyAnswerIsLearnedFromItsOwnLabel() {
        Dataset<Row> examples = AnswerExamples.synthetic(SparkTestSession.get(), 20_000, 4);

        AnswerModel.Trained answered = AnswerModel.trainAndEvaluate(examples, "answered", 0.2);

        assertThat(answered.evaluation().beatsConstant()).isTrue();
        assertThat(answered.evaluation().baseRate()).as("more answer than say yes")
                .isGreaterThan(AnswerModel.trainAndEvaluate(examples, "yes", 0.2).evaluation().baseRate());
    }

    @Test
    void theExportedFileScoresInPlainJavaExactlyWhatSparkPredicts() {
        Dataset<Row> examples = AnswerExamples.synthetic(SparkTestSession.get(), 5_000, 9);
        AnswerModel.Trained trained = AnswerModel.trainAndEvaluate(examples, "yes", 0.2);
        // values the model never saw take the "unknown" weights
        Dataset<Row> unseen = SparkTestSession.get().createDataFrame(List.of(RowFactory.create("sms", "neon",
                "gala", "3", "7", "30d", 1.0, 1.0, 1.0, 1.0, 0L)), examples.schema());

        List<Row> predicted = trained.model().transform(examples.limit(300).union(unseen).withColumn("label",
                        col("yes")))
                .withColumn("p", vector_to_array(col("probability"), "float64").getItem(1)).collectAsList();

        AnswerModelFile file = trained.file();
        for (Row row : predicted) {
            Map<String, String> categories = new HashMap<>();
            AnswerModel.CATEGORICAL.forEach(c -> categories.put(c, row.getAs(c)));
            Map<String, Double> numbers = new HashMap<>();
            AnswerModel.NUMERIC.forEach(n -> numbers.put(n, row.getAs(n)));
            assertThat(file.probability(categories, numbers)).isCloseTo(row.<Double>getAs("p"), within(1e-12));
        }
        assertThat(file.categorical().get("channel").weights()).containsOnlyKeys("email", "link");
        assertThat(file.numeric().get("opened")).as("opening is the planted strong cause").isGreaterThan(1.5);
    }
}
