package io.inviteflow.batch.ticketmail;

import io.inviteflow.batch.launch.RunWhileOpenQuartzJob;
import org.quartz.DisallowConcurrentExecution;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;

/** While paid orders wait for their tickets' mail, a run of ticketMailJob is launched. */
@DisallowConcurrentExecution
public class TicketMailQuartzJob extends RunWhileOpenQuartzJob {

    public TicketMailQuartzJob(TicketMailRequests requests, JobLauncher launcher,
                               @Qualifier(TicketMailJobConfiguration.JOB) Job job) {
        super(requests::anyOpen, launcher, job);
    }
}
