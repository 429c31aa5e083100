package io.inviteflow.batch.campaign;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz only triggers: every minute, the campaigns whose time has come are launched. One at a time in the cluster. */
@DisallowConcurrentExecution
public class CampaignQuartzJob extends QuartzJobBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignQuartzJob.class);

    private final CampaignLauncher launcher;

    public CampaignQuartzJob(CampaignLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        log.debug("trigger {} fired here", context.getTrigger().getKey());
        launcher.launchDue(context.getScheduledFireTime().toInstant());
    }
}
