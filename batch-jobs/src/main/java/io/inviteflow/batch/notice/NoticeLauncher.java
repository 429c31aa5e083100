package io.inviteflow.batch.notice;

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
 * Runs the notice job of every open request, oldest first. The activity id identifies the job instance: a failed run
 * is restarted where it stopped on the next round, and a completed one is never run again.
 */
@Component
class NoticeLauncher {

    private static final Logger log = LoggerFactory.getLogger(NoticeLauncher.class);
    private static final int PER_ROUND = 20;

    private final NoticeRequests requests;
    private final JobLauncher launcher;
    private final Job eventNoticeJob;

    NoticeLauncher(NoticeRequests requests, JobLauncher launcher, @Qualifier("eventNoticeJob") Job eventNoticeJob) {
        this.requests = requests;
        this.launcher = launcher;
        this.eventNoticeJob = eventNoticeJob;
    }

    /** @return how many requests completed in this round */
    int runOpen() {
        int completed = 0;
        for (NoticeRequests.Request request : requests.open(PER_ROUND)) {
            try {
                JobExecution execution = launcher.run(eventNoticeJob, parameters(request));
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    requests.completed(request.activityId());
                    completed++;
                } else {
                    log.warn("notices for {} ended {}: retried next round", request.activityId(), execution.getStatus());
                }
            } catch (JobInstanceAlreadyCompleteException e) {
                requests.completed(request.activityId());
            } catch (JobExecutionException e) {
                log.warn("notices for {} not started: {}", request.activityId(), e.getMessage());
            }
        }
        return completed;
    }

    static JobParameters parameters(NoticeRequests.Request r) {
        JobParametersBuilder p = new JobParametersBuilder()
                .addString(EventNoticeJobConfiguration.ACTIVITY_ID, r.activityId().toString())
                .addString(EventNoticeJobConfiguration.KIND, r.kind().name(), false)
                .addString(EventNoticeJobConfiguration.EVENT_ID, r.partyEventId().toString(), false);
        if (r.invitationId() != null) {
            p.addString(EventNoticeJobConfiguration.INVITATION_ID, r.invitationId().toString(), false);
        }
        if (r.reason() != null) {
            p.addString(EventNoticeJobConfiguration.REASON, r.reason(), false);
        }
        return p.toJobParameters();
    }
}
