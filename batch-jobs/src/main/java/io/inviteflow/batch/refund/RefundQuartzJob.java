package io.inviteflow.batch.refund;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz only triggers: every few seconds, the refund jobs of open requests are launched. No business logic here. */
@DisallowConcurrentExecution
public class RefundQuartzJob extends QuartzJobBean {

    private final RefundLauncher launcher;

    public RefundQuartzJob(RefundLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        launcher.runOpen();
    }
}
