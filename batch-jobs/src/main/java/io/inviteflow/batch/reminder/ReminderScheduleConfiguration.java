package io.inviteflow.batch.reminder;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz side of the reminders: a durable JobDetail and its cron trigger, stored in the clustered JDBC job store
 * (application.yml; {@code spring.quartz.overwrite-existing-jobs=true} so a changed cron takes effect on start).
 */
@Configuration(proxyBeanMethods = false)
class ReminderScheduleConfiguration {

    static final String JOB_NAME = "unansweredReminders";
    static final String GROUP = "reminders";

    @Bean
    JobDetail unansweredRemindersJobDetail() {
        return JobBuilder.newJob(ReminderQuartzJob.class)
                .withIdentity(JOB_NAME, GROUP)
                .withDescription("launches the Spring Batch job unansweredReminderJob")
                .storeDurably()
                // another node takes the run over if this one dies while it runs
                .requestRecovery()
                .build();
    }

    @Bean
    Trigger unansweredRemindersTrigger(JobDetail unansweredRemindersJobDetail, ReminderProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(unansweredRemindersJobDetail)
                .withIdentity(JOB_NAME + "-cron", GROUP)
                // Misfire policy: FIRE AND PROCEED (= fire once now, then follow the schedule). After downtime all
                // missed hourly fires collapse into ONE immediate run; reminders are late, but never skipped for a
                // whole period and never sent in a burst of runs (and the delivery ledger would stop doubles anyway).
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
