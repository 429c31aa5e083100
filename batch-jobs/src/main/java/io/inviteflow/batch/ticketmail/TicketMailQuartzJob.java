package io.inviteflow.batch.ticketmail;

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

import java.time.Instant;

/** Quartz only triggers: while paid orders wait for their tickets' mail, a run of ticketMailJob is launched. */
@DisallowConcurrentExecution
public class TicketMailQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(TicketMailQuartzJob.class);

    private final TicketMailRequests requests;
    private final JobLauncher launcher;
    private final Job job;

    public TicketMailQuartzJob(TicketMailRequests requests, JobLauncher launcher,
                               @Qualifier(TicketMailJobConfiguration.JOB) Job job) {
        this.requests = requests;
        this.launcher = launcher;
        this.job = job;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!requests.anyOpen()) {
            return;
        }
        try {
            launcher.run(job, new JobParametersBuilder().addString("startedAt", Instant.now().toString())
                    .toJobParameters());
        } catch (JobExecutionException e) {
            log.warn("ticket mails not started: {}", e.getMessage());
        }
    }
}
