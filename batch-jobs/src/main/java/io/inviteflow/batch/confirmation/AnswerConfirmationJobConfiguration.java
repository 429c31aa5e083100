package io.inviteflow.batch.confirmation;

import io.inviteflow.batch.reminder.InDoubtDeliveriesListener;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import io.inviteflow.batch.reminder.ReminderProperties;
import io.inviteflow.batch.reminder.MailSends;
import io.inviteflow.batch.reminder.ReminderWriter;
import io.inviteflow.batch.reminder.UnpublishedRemindersListener;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

/**
 * {@code answerConfirmationJob}: every guest with an email gets their answer confirmed by mail, with the calendar
 * entry attached. Answers arrive by the hundred per second, so one job run takes every open request in chunks (one
 * core call and one commit per chunk) instead of a job per answer. Quartz launches a run every few seconds while
 * requests are open; the table and the ledger are the state, so a run killed halfway leaves its unclosed requests to
 * the next run, which mails only those not already sent.
 */
@Configuration(proxyBeanMethods = false)
class AnswerConfirmationJobConfiguration {

    static final String JOB = "answerConfirmationJob";

    @Bean(JOB)
    Job answerConfirmationJob(JobRepository jobs, Step confirmAnswers) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs).start(confirmAnswers).build();
    }

    @Bean
    Step confirmAnswers(JobRepository jobs, PlatformTransactionManager transactions,
                        JdbcPagingItemReader<ConfirmationRequest> openConfirmations,
                        AnswerConfirmationWriter confirmationWriter, ReminderDeliveries deliveries,
                        ReminderActivities activities, ReminderProperties properties) {
        String confirmations = ConfirmationMail.SLUG + "/%";
        return new StepBuilder("confirmAnswers", jobs)
                .<ConfirmationRequest, ConfirmationRequest>chunk(properties.chunkSize(), transactions)
                .reader(openConfirmations)
                .writer(confirmationWriter)
                // the same recovery as the reminders: activities of mails sent by a run that died, in-doubt counts
                .listener(new UnpublishedRemindersListener(deliveries, activities, confirmations))
                .listener(new InDoubtDeliveriesListener(deliveries, confirmations))
                .build();
    }

    /** Open requests in activity-id order; the reader's position (the last id) is saved with each chunk. */
    @Bean
    @StepScope
    JdbcPagingItemReader<ConfirmationRequest> openConfirmations(DataSource dataSource, ReminderProperties properties)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<ConfirmationRequest>()
                .name("openConfirmations")
                .dataSource(dataSource)
                .selectClause("SELECT activity_id, invitation_id, party_event_id, answer_version")
                .fromClause("FROM answer_confirmation")
                .whereClause("WHERE closed_at IS NULL")
                .sortKeys(Map.of("activity_id", Order.ASCENDING))
                .pageSize(properties.chunkSize())
                .rowMapper((rs, row) -> new ConfirmationRequest(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getLong(4)))
                .build();
    }

    @Bean
    @StepScope
    AnswerConfirmationWriter confirmationWriter(AnswerConfirmationsClient core, ConfirmationRequests requests,
                                                ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends,
                                                ReminderActivities activities, ReminderProperties properties,
                                                @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId)
            throws AddressException {
        return new AnswerConfirmationWriter(core, new ReminderWriter(deliveries, mail, activities,
                new InternetAddress(properties.from(), true), jobExecutionId, sends), requests);
    }

    @Bean
    JobDetail answerConfirmationsJobDetail() {
        return JobBuilder.newJob(AnswerConfirmationQuartzJob.class).withIdentity("answerConfirmations", "notices")
                .withDescription("launches the Spring Batch job answerConfirmationJob while answers wait for their mail")
                .storeDurably().build();
    }

    /** Misfires are skipped (NEXT_WITH_REMAINING_COUNT): the next fire takes every open request anyway. */
    @Bean
    Trigger answerConfirmationsTrigger(JobDetail answerConfirmationsJobDetail,
                                       @Value("${inviteflow.notices.poll-interval}") java.time.Duration every) {
        return TriggerBuilder.newTrigger().forJob(answerConfirmationsJobDetail)
                .withIdentity("answerConfirmations-every", "notices")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
