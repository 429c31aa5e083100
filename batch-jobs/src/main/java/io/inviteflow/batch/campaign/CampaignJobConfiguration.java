package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.message.OutgoingWriter;
import io.inviteflow.batch.paging.KeysetPageReader;
import io.inviteflow.batch.reminder.InDoubtDeliveriesListener;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import io.inviteflow.batch.reminder.UnpublishedRemindersListener;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.UUID;

/**
 * {@code campaignJob(campaignId, …)}: one run per campaign whose time has come. It reads the campaign's people from
 * the core page by page (the position saved with each chunk), sends each a mail, a push and/or a text once (delivery ledger,
 * kind {@code campaign/<id>/<channel>}), and when the run completes marks the campaign sent. A failed run is restarted
 * by the next minute's launcher with the same parameters and goes on where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class CampaignJobConfiguration {

    static final String JOB = "campaignJob";

    @Bean(JOB)
    Job campaignJob(JobRepository jobs, Step sendCampaign, CampaignsClient core) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs)
                .start(sendCampaign)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        if (execution.getStatus() == BatchStatus.COMPLETED) {
                            var parameters = execution.getJobParameters();
                            core.sent(UUID.fromString(parameters.getString("campaignId")), parameters.getLong("round"),
                                    parameters.getLong("wave", 0L));
                        }
                    }
                })
                .build();
    }

    @Bean
    Step sendCampaign(JobRepository jobs, PlatformTransactionManager transactions,
                      KeysetPageReader<CampaignRecipient> campaignRecipients, CampaignMessageProcessor campaignMessages,
                      CampaignWriter campaignWriter, CampaignPaceListener campaignPace,
                      org.springframework.batch.repeat.policy.SimpleCompletionPolicy campaignChunks,
                      ReminderDeliveries deliveries, ReminderActivities activities) {
        return new StepBuilder("sendCampaign", jobs)
                .<CampaignRecipient, Outgoing>chunk(campaignChunks, transactions)
                .reader(campaignRecipients)
                .processor(campaignMessages)
                .writer(campaignWriter)
                .listener((org.springframework.batch.core.ChunkListener) campaignPace)
                .listener(new UnpublishedRemindersListener(deliveries, activities, "campaign/%"))
                .listener(new InDoubtDeliveriesListener(deliveries, "campaign/%"))
                .build();
    }

    /**
     * How many people a chunk sends to: {@code inviteflow.campaigns.chunk-size} (each chunk costs a transaction, a
     * call to the core and a few commits of the ledger; at 50 those were most of a 100,000-person campaign's time),
     * or for a campaign with a pace about five seconds' worth of it, so a slow pace is kept evenly, not in bursts.
     */
    @Bean
    @StepScope
    org.springframework.batch.repeat.policy.SimpleCompletionPolicy campaignChunks(
            CampaignsClient core, @Value("#{jobParameters['campaignId']}") String campaignId,
            @Value("${inviteflow.campaigns.chunk-size}") int chunkSize) {
        Integer perMinute = core.campaign(UUID.fromString(campaignId)).perMinute();
        return new org.springframework.batch.repeat.policy.SimpleCompletionPolicy(
                perMinute == null ? chunkSize : Math.max(1, Math.min(chunkSize, perMinute / 12)));
    }

    /** The campaign's pace (its perMinute), or none. */
    @Bean
    @StepScope
    CampaignPaceListener campaignPace(CampaignsClient core, @Value("#{jobParameters['campaignId']}") String campaignId) {
        Integer perMinute = core.campaign(UUID.fromString(campaignId)).perMinute();
        return new CampaignPaceListener(perMinute == null ? null : CampaignPace.of(perMinute));
    }

    /** A chunk listener that paces when the campaign has a limit (step-scoped beans need a concrete type). */
    static class CampaignPaceListener implements org.springframework.batch.core.ChunkListener {

        private final CampaignPace pace;

        CampaignPaceListener(CampaignPace pace) {
            this.pace = pace;
        }

        @Override
        public void beforeChunk(org.springframework.batch.core.scope.context.ChunkContext context) {
            if (pace != null) {
                pace.beforeChunk(context);
            }
        }

        @Override
        public void afterChunk(org.springframework.batch.core.scope.context.ChunkContext context) {
            if (pace != null) {
                pace.afterChunk(context);
            }
        }
    }

    @Bean
    @StepScope
    KeysetPageReader<CampaignRecipient> campaignRecipients(CampaignsClient core,
                                                           @Value("${inviteflow.campaigns.page-size}") int pageSize,
                                                           @Value("#{jobParameters['campaignId']}") String campaignId,
                                                           @Value("#{jobParameters['wave'] ?: 0}") Long wave) {
        UUID id = UUID.fromString(campaignId);
        return new KeysetPageReader<>("campaignRecipients") {
            @Override
            protected Page<CampaignRecipient> page(UUID after) {
                return core.recipients(id, after, pageSize, wave);
            }

            @Override
            protected UUID idOf(CampaignRecipient item) {
                return item.invitationId();
            }
        };
    }

    @Bean
    @StepScope
    CampaignMessageProcessor campaignMessages(CampaignsClient core,
                                              @Value("#{jobParameters['campaignId']}") String campaignId) {
        return new CampaignMessageProcessor(core.campaign(UUID.fromString(campaignId)));
    }

    @Bean
    @StepScope
    CampaignWriter campaignWriter(OutgoingWriter.Parts parts, ReminderDeliveries deliveries, CampaignsClient core,
                                  @Value("#{jobParameters['campaignId']}") String campaignId,
                                  @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return new CampaignWriter(parts.writer(jobExecutionId), deliveries, core, UUID.fromString(campaignId));
    }

    @Bean
    JobDetail campaignsJobDetail() {
        return JobBuilder.newJob(CampaignQuartzJob.class).withIdentity("campaigns", "campaigns")
                .withDescription("launches campaignJob for each campaign whose time has come")
                .storeDurably().requestRecovery().build();
    }

    /** FIRE AND PROCEED: after downtime one launch now, which finds every campaign that came due meanwhile. */
    @Bean
    Trigger campaignsTrigger(JobDetail campaignsJobDetail, @Value("${inviteflow.campaigns.cron}") String cron) {
        return TriggerBuilder.newTrigger().forJob(campaignsJobDetail).withIdentity("campaigns-cron", "campaigns")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
