package io.inviteflow.batch.ml;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz only triggers: the nightly retrain. A retrain already running (started from the console) is left alone. */
@DisallowConcurrentExecution
public class RetrainQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RetrainQuartzJob.class);
    private final Retrainer retrainer;
    private final MlProperties properties;

    public RetrainQuartzJob(Retrainer retrainer, MlProperties properties) {
        this.retrainer = retrainer;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (properties.retrainCommand().isEmpty()) {
            log.info("nightly retrain skipped: no inviteflow.ml.retrain-command");
            return;
        }
        try {
            retrainer.start("nightly", "scheduler", properties.nightlyPromotes());
        } catch (TrainingRuns.AlreadyRunning e) {
            log.info("nightly retrain skipped: {}", e.getMessage());
        }
    }
}
