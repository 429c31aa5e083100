package io.inviteflow.batch.confirmation;

import io.inviteflow.batch.launch.RunWhileOpenQuartzJob;
import org.quartz.DisallowConcurrentExecution;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Qualifier;

/** While answers wait for their confirmation, a run of answerConfirmationJob is launched. */
@DisallowConcurrentExecution
public class AnswerConfirmationQuartzJob extends RunWhileOpenQuartzJob {

    public AnswerConfirmationQuartzJob(ConfirmationRequests requests, JobLauncher launcher,
                                       @Qualifier(AnswerConfirmationJobConfiguration.JOB) Job job) {
        super(requests::anyOpen, launcher, job);
    }
}
