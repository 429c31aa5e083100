package io.inviteflow.batch.launch;

import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Quartz only triggers: while requests wait in a job's table, a run of the job is launched (a new instance each time,
 * {@code startedAt}); the run takes every open request. No business logic here. Subclasses add
 * {@code @DisallowConcurrentExecution} and name the table's check and the job.
 */
public abstract class RunWhileOpenQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RunWhileOpenQuartzJob.class);

    private final BooleanSupplier anyOpen;
    private final JobLauncher launcher;
    private final Job job;

    protected RunWhileOpenQuartzJob(BooleanSupplier anyOpen, JobLauncher launcher, Job job) {
        this.anyOpen = anyOpen;
        this.launcher = launcher;
        this.job = job;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!anyOpen.getAsBoolean()) {
            return;
        }
        try {
            launcher.run(job, new JobParametersBuilder().addString("startedAt", Instant.now().toString())
                    .toJobParameters());
        } catch (JobExecutionException e) {
            log.warn("{} not started: {}", job.getName(), e.getMessage());
        }
    }
}
