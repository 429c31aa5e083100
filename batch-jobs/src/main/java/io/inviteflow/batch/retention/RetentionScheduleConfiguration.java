package io.inviteflow.batch.retention;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The nightly retention run's JobDetail and cron trigger, in the clustered JDBC job store (one node fires it). */
@Configuration(proxyBeanMethods = false)
class RetentionScheduleConfiguration {

    @Bean
    JobDetail guestDataRetentionJobDetail() {
        return JobBuilder.newJob(RetentionQuartzJob.class).withIdentity("guestDataRetention", "privacy")
                .withDescription("erases guests' personal data of events past the retention period").storeDurably()
                .build();
    }

    @Bean
    Trigger guestDataRetentionTrigger(JobDetail guestDataRetentionJobDetail, RetentionProperties properties) {
        return TriggerBuilder.newTrigger().forJob(guestDataRetentionJobDetail)
                .withIdentity("guestDataRetention-cron", "privacy")
                // a night missed while down runs once on start, not skipped for a day
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron()).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
