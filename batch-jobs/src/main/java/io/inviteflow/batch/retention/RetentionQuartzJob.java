package io.inviteflow.batch.retention;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Quartz only triggers: the nightly retention run, its cutoff the scheduled day (UTC) minus
 * {@code inviteflow.retention.guest-data-after}. The cutoff identifies the run; a run that failed is left to the next
 * night's, which erases whatever is left (each chunk skips what is done), or restarted from the console's Jobs page.
 */
@DisallowConcurrentExecution
public class RetentionQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionQuartzJob.class);
    private final JobLauncher launcher;
    private final Job job;
    private final RetentionProperties properties;

    public RetentionQuartzJob(JobLauncher launcher,
                              @Qualifier(GuestDataRetentionJobConfiguration.JOB) Job guestDataRetentionJob,
                              RetentionProperties properties) {
        this.launcher = launcher;
        this.job = guestDataRetentionJob;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        Instant cutoff = cutoff(context.getScheduledFireTime().toInstant(), properties);
        try {
            JobExecution execution = launcher.run(job, new JobParametersBuilder()
                    .addString(GuestDataRetentionJobConfiguration.CUTOFF, cutoff.toString()).toJobParameters());
            log.info("guest data retention before {}: {} (execution {})", cutoff, execution.getStatus(),
                    execution.getId());
        } catch (org.springframework.batch.core.JobExecutionException e) {
            // e.g. tonight's run already completed: nothing to retry
            throw new JobExecutionException("guest data retention before " + cutoff + " not started: "
                    + e.getMessage(), e, false);
        }
    }

    static Instant cutoff(Instant fireTime, RetentionProperties properties) {
        return fireTime.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minus(properties.guestDataAfter())
                .toInstant();
    }
}
