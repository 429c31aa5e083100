package io.inviteflow.batch.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Launches {@code campaignJob} for each campaign whose time has come. The campaign's id, round (resumptions after
 * a pause, an A/B test's decision) and wave (a quarter hour of a campaign sent in each recipient's own time) are the
 * job instance: a failed run is restarted where it stopped; a completed run whose campaign is still listed (the mark
 * "sent" was lost in a crash) is marked sent again, and nobody is mailed twice either way (the delivery ledger).
 */
@Component
public class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

    private final CampaignsClient core;
    private final JobLauncher launcher;
    private final Job job;

    CampaignLauncher(CampaignsClient core, JobLauncher launcher, @Qualifier(CampaignJobConfiguration.JOB) Job job) {
        this.core = core;
        this.launcher = launcher;
        this.job = job;
    }

    /** @return how many campaigns it launched */
    public int launchDue(Instant at) {
        List<DueCampaign> due = core.due(at);
        int launched = 0;
        for (DueCampaign campaign : due) {
            try {
                launcher.run(job, parameters(campaign));
                launched++;
            } catch (JobInstanceAlreadyCompleteException e) {
                core.sent(campaign.id(), campaign.round(), campaign.wave());
            } catch (JobExecutionException e) {
                log.warn("campaign {} not launched: {}", campaign.id(), e.getMessage());
            }
        }
        return launched;
    }

    private static JobParameters parameters(DueCampaign campaign) {
        return new JobParametersBuilder().addString("campaignId", campaign.id().toString())
                .addLong("round", (long) campaign.round()).addLong("wave", (long) campaign.wave()).toJobParameters();
    }
}
