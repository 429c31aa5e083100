package io.inviteflow.batch.scheduled;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.temporal.ChronoUnit;

/**
 * Quartz only triggers: the scheduled fire time, to the minute, is the run's {@code runAt} (its "now" and its
 * identity). No business logic here; one run at a time across the cluster.
 */
@DisallowConcurrentExecution
public class ScheduledReminderQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReminderQuartzJob.class);

    private final JobLauncher launcher;
    private final Job job;

    public ScheduledReminderQuartzJob(JobLauncher launcher,
                                      @Qualifier(ScheduledReminderJobConfiguration.JOB) Job job) {
        this.launcher = launcher;
        this.job = job;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String runAt = context.getScheduledFireTime().toInstant().truncatedTo(ChronoUnit.MINUTES).toString();
        try {
            launcher.run(job, new JobParametersBuilder()
                    .addString(ScheduledReminderJobConfiguration.RUN_AT, runAt).toJobParameters());
        } catch (JobExecutionException e) {
            log.warn("scheduled reminders of {} not started: {}", runAt, e.getMessage());
        }
    }
}
