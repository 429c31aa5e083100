package io.inviteflow.batch.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.util.UUID;

/**
 * Quartz only triggers: maps the scheduled fire time and the JobDataMap ({@value ReminderRun#EVENT_ID}, optional) to
 * a {@link ReminderRun} and launches it. No business logic here.
 * <p>
 * The scheduled (not the actual) fire time identifies the run, so a fire that starts late still maps to its own
 * minute. {@code @DisallowConcurrentExecution}: one run of this JobDetail at a time across the cluster.
 * <p>
 * Known limit: when a node dies mid-run, Quartz recovery ({@code requestRecovery}) re-fires on another node with a new
 * fire time, i.e. a new job instance; the dead node's execution stays STARTED in the Batch tables until someone marks
 * it FAILED. The delivery ledger keeps the recovery run from mailing anyone twice.
 */
@DisallowConcurrentExecution
public class ReminderQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ReminderQuartzJob.class);
    private final ReminderRuns runs;

    public ReminderQuartzJob(ReminderRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        String eventId = context.getMergedJobDataMap().getString(ReminderRun.EVENT_ID);
        var run = ReminderRun.unanswered(context.getScheduledFireTime().toInstant(),
                eventId == null ? null : UUID.fromString(eventId));
        try {
            JobExecution execution = runs.launch(run);
            log.info("reminder run {} finished: {} (execution {})", run, execution.getStatus(), execution.getId());
        } catch (org.springframework.batch.core.JobExecutionException e) {
            // e.g. this minute's run already completed (a manual run in the same minute); nothing to retry.
            throw new JobExecutionException("reminder run " + run + " not started: " + e.getMessage(), e, false);
        }
    }
}
