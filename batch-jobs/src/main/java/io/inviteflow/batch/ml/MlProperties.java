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
 * @param retrainTimeout  a run RUNNING longer than this is ended as INTERRUPTED (its host died for good, or it hangs),
 *                        so it does not hold the one RUNNING slot for ever
 */
@ConfigurationProperties("inviteflow.ml")
public record MlProperties(Path modelsDir, List<String> retrainCommand, String retrainCron, boolean nightlyPromotes,
                           java.time.Duration retrainTimeout) {

    public MlProperties {
        retrainCommand = retrainCommand == null ? List.of() : List.copyOf(retrainCommand);
        retrainTimeout = retrainTimeout == null ? java.time.Duration.ofHours(6) : retrainTimeout;
    }

    Path themesDir() {
        return modelsDir.resolve("themes");
    }

    Path logsDir() {
        return modelsDir.resolve("runs");
    }
}
