package io.inviteflow.batch.notice;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz only triggers: every few seconds, the notice jobs of open requests are launched. No business logic here. */
@DisallowConcurrentExecution
public class NoticeQuartzJob extends QuartzJobBean {

    private final NoticeLauncher launcher;

    public NoticeQuartzJob(NoticeLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        launcher.runOpen();
    }
}
