package io.inviteflow.batch.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the refund job of every open request. The cancellation's activity id identifies the job instance: a failed run
 * (the gateway refused, the process died) is restarted from its last committed chunk on the next round, and a
 * completed one never runs again.
 */
@Component
public class RefundLauncher {

    private static final Logger log = LoggerFactory.getLogger(RefundLauncher.class);
    private static final int PER_ROUND = 10;

    private final RefundRequests requests;
    private final JobLauncher launcher;
    private final Job eventRefundJob;

    RefundLauncher(RefundRequests requests, JobLauncher launcher, @Qualifier("eventRefundJob") Job eventRefundJob) {
        this.requests = requests;
        this.launcher = launcher;
        this.eventRefundJob = eventRefundJob;
    }

    /** @return how many requests completed in this round */
    public int runOpen() {
        int completed = 0;
        for (RefundRequests.Request request : requests.open(PER_ROUND)) {
            try {
                JobExecution execution = launcher.run(eventRefundJob, parameters(request));
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    requests.completed(request.activityId());
                    completed++;
                } else {
                    log.warn("refunds for event {} ended {}: restarted next round", request.partyEventId(),
                            execution.getStatus());
                }
            } catch (JobInstanceAlreadyCompleteException e) {
                requests.completed(request.activityId());
            } catch (JobExecutionException e) {
                log.warn("refunds for event {} not started: {}", request.partyEventId(), e.getMessage());
            }
        }
        return completed;
    }

    private static JobParameters parameters(RefundRequests.Request r) {
        return new JobParametersBuilder()
                .addString(EventRefundJobConfiguration.ACTIVITY_ID, r.activityId().toString())
                .addString(EventRefundJobConfiguration.EVENT_ID, r.partyEventId().toString(), false)
                .addString(EventRefundJobConfiguration.REASON, r.reason(), false)
                .toJobParameters();
    }
}
