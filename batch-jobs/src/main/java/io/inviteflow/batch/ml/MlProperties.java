package io.inviteflow.batch.ml;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * @param modelsDir       the model registry folder: the recommender writes versions into it, the core serves the one
 *                        {@code themes/CURRENT} names
 * @param retrainCommand  the command that runs the recommender's job ({@code java … ThemeRecommenderJob} here,
 *                        {@code spark-submit … --no-master} on a cluster); {@code --models-dir} and {@code --run-id}
 *                        are appended. Empty: retraining is not offered.
 * @param retrainCron     the nightly retrain (Quartz cron)
 * @param nightlyPromotes whether the nightly retrain promotes its version when it beats popularity
 */
@ConfigurationProperties("inviteflow.ml")
public record MlProperties(Path modelsDir, List<String> retrainCommand, String retrainCron, boolean nightlyPromotes) {

    public MlProperties {
        retrainCommand = retrainCommand == null ? List.of() : List.copyOf(retrainCommand);
    }

    Path themesDir() {
        return modelsDir.resolve("themes");
    }

    Path logsDir() {
        return modelsDir.resolve("runs");
    }
}
