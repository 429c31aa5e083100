package io.inviteflow.batch.reminder;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts reminder runs; the one place the Quartz job and the HTTP endpoint go through. The launcher is synchronous:
 * the call returns when the run has COMPLETED or FAILED.
 */
@Component
public class ReminderRuns {

    private final JobLauncher launcher;
    private final Job unansweredReminderJob;

    ReminderRuns(JobLauncher launcher, @Qualifier("unansweredReminderJob") Job unansweredReminderJob) {
        this.launcher = launcher;
        this.unansweredReminderJob = unansweredReminderJob;
    }

    /**
     * @throws JobExecutionException when the run already completed, is running, or its parameters are invalid
     */
    public JobExecution launch(ReminderRun run) throws JobExecutionException {
        return launcher.run(unansweredReminderJob, run.toJobParameters());
    }
}
