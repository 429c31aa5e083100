package io.inviteflow.batch.ml;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The nightly retrain's JobDetail and cron trigger, in the clustered JDBC job store (one node fires it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MlProperties.class)
class RetrainScheduleConfiguration {

    @Bean
    JobDetail nightlyRetrainJobDetail() {
        return JobBuilder.newJob(RetrainQuartzJob.class).withIdentity("nightlyRetrain", "ml")
                .withDescription("retrains the theme recommender").storeDurably().build();
    }

    @Bean
    Trigger nightlyRetrainTrigger(JobDetail nightlyRetrainJobDetail, MlProperties properties) {
        return TriggerBuilder.newTrigger().forJob(nightlyRetrainJobDetail).withIdentity("nightlyRetrain-cron", "ml")
                // a night missed while down is retrained once on start, not skipped for a day
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.retrainCron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
