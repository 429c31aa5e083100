package io.inviteflow.batch.scheduled;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.message.OutgoingWriter;
import io.inviteflow.batch.reminder.InDoubtDeliveriesListener;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import io.inviteflow.batch.reminder.ReminderProperties;
import io.inviteflow.batch.reminder.UnpublishedRemindersListener;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;

/**
 * {@code scheduledReminderJob}: every minute, the reminders of the events' schedules that are due (the core computes
 * who), by mail and Web Push, each once per guest and channel (the delivery ledger), none in the guest's night.
 * <pre>
 * Quartz cron (every minute) ──► ScheduledReminderQuartzJob ──► scheduledReminderJob(runAt)
 *   step sendScheduledReminders: DueReminderReader (GET core /api/v1/internal/due-reminders, window lookback..runAt)
 *     ──► ScheduledReminderProcessor (pure: quiet hours, wording) ──► ScheduledReminderWriter (push, then mail)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduledReminderJobConfiguration {

    static final String JOB = "scheduledReminderJob";
    static final String RUN_AT = "runAt";
    /** Ledger kinds of these reminders (LIKE patterns): {@code before-event/<rule>/<channel>}, … */
    private static final java.util.List<String> KINDS = java.util.List.of("before-event/%", "unopened/%",
            "maybe-before-deadline/%");

    @Bean(JOB)
    Job scheduledReminderJob(JobRepository jobs, Step sendScheduledReminders) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs)
                .start(sendScheduledReminders).build();
    }

    @Bean
    Step sendScheduledReminders(JobRepository jobs, PlatformTransactionManager transactions,
                                DueReminderReader dueReminderReader, ScheduledReminderProcessor scheduledProcessor,
                                OutgoingWriter scheduledWriter, ReminderDeliveries deliveries,
                                ReminderActivities activities, ReminderProperties properties) {
        var step = new StepBuilder("sendScheduledReminders", jobs)
                .<DueReminder, Outgoing>chunk(properties.chunkSize(), transactions)
                .reader(dueReminderReader)
                .processor(scheduledProcessor)
                .writer(scheduledWriter);
        for (String kind : KINDS) {
            step.listener(new UnpublishedRemindersListener(deliveries, activities, kind))
                    .listener(new InDoubtDeliveriesListener(deliveries, kind));
        }
        return step.build();
    }

    @Bean
    @StepScope
    DueReminderReader dueReminderReader(DueRemindersClient core, ScheduleProperties schedule,
                                        ReminderProperties properties,
                                        @Value("#{jobParameters['" + RUN_AT + "']}") String runAt) {
        Instant to = Instant.parse(runAt);
        return new DueReminderReader(core, to.minus(schedule.lookback()), to, properties.pageSize());
    }

    @Bean
    @StepScope
    ScheduledReminderProcessor scheduledProcessor(ScheduleProperties schedule,
                                                  @Value("#{jobParameters['" + RUN_AT + "']}") String runAt) {
        return new ScheduledReminderProcessor(schedule.quietHours(), Instant.parse(runAt));
    }

    @Bean
    @StepScope
    OutgoingWriter scheduledWriter(OutgoingWriter.Parts parts,
                                   @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return parts.writer(jobExecutionId);
    }

    @Bean
    JobDetail scheduledRemindersJobDetail() {
        return JobBuilder.newJob(ScheduledReminderQuartzJob.class).withIdentity("scheduledReminders", "reminders")
                .withDescription("launches the Spring Batch job scheduledReminderJob")
                .storeDurably().requestRecovery().build();
    }

    /**
     * Misfire policy FIRE AND PROCEED: after downtime the missed minutes collapse into one run now, whose look-back
     * window still holds what fell due meanwhile (up to {@code inviteflow.schedules.lookback}).
     */
    @Bean
    Trigger scheduledRemindersTrigger(JobDetail scheduledRemindersJobDetail, ScheduleProperties schedule) {
        return TriggerBuilder.newTrigger().forJob(scheduledRemindersJobDetail)
                .withIdentity("scheduledReminders-cron", "reminders")
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
