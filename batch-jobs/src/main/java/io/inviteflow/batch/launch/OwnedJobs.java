package io.inviteflow.batch.launch;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every job of this process records its executions' owner ({@link ExecutionOwners}) when they start, so a run left
 * behind by a process that died can be told from one still going. The record stays until the run has ended (Spring
 * Batch calls {@code afterJob} before it saves the run's end, so it is removed later by {@link OrphanedExecutions}).
 */
@Component
class OwnedJobs implements BeanPostProcessor {

    private final ObjectProvider<ExecutionOwners> owners;

    OwnedJobs(ObjectProvider<ExecutionOwners> owners) {
        this.owners = owners;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(new JobExecutionListener() {
                @Override
                public void beforeJob(JobExecution execution) {
                    owners.getObject().own(execution.getId());
                }
            });
        }
        return bean;
    }
}
