package io.inviteflow.batch.refund;

import io.inviteflow.batch.paging.KeysetPageReader;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.UUID;

/**
 * {@code eventRefundJob}: refunds every paid order of a cancelled event through the core (which calls the payment
 * gateway with a key derived from the order) and tells each buyer by mail. Keyset-paged reader over the orders still
 * to refund (restartable), chunk writer with one core call per chunk. Killed or failed halfway and restarted, it
 * refunds the rest and nobody twice: the core's refund keys make a repeated chunk a no-op at the gateway, and the
 * delivery ledger keeps the mails to one per order. Launched by {@link RefundQuartzJob} every few seconds.
 */
@Configuration(proxyBeanMethods = false)
class EventRefundJobConfiguration {

    static final String JOB = "eventRefundJob";
    static final String ACTIVITY_ID = "activityId";
    static final String EVENT_ID = "eventId";
    static final String REASON = "reason";
    /** The mail ledger's kinds of this job: {@code refund/<order id>}. */
    private static final String MAIL_KINDS = "refund/%";

    @Bean(JOB)
    Job eventRefundJob(JobRepository jobs, Step refundOrders) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs).start(refundOrders).build();
    }

    @Bean
    Step refundOrders(JobRepository jobs, PlatformTransactionManager transactions,
                      KeysetPageReader<RefundableOrder> refundableOrderReader, RefundWriter refundWriter,
                      UnpublishedRemindersListener unpublishedRefundMails, InDoubtDeliveriesListener inDoubtRefundMails,
                      @Value("${inviteflow.refunds.chunk-size}") int chunkSize) {
        return new StepBuilder("refundOrders", jobs)
                .<RefundableOrder, RefundableOrder>chunk(chunkSize, transactions)
                .reader(refundableOrderReader)
                .writer(refundWriter)
                .listener(unpublishedRefundMails)
                .listener(inDoubtRefundMails)
                .build();
    }

    @Bean
    @StepScope
    KeysetPageReader<RefundableOrder> refundableOrderReader(
            RefundsClient client, @Value("${inviteflow.refunds.chunk-size}") int pageSize,
            @Value("#{jobParameters['" + EVENT_ID + "']}") String eventId) {
        UUID event = UUID.fromString(eventId);
        return new KeysetPageReader<>("refundableOrderReader") {
            @Override
            protected Page<RefundableOrder> page(UUID after) {
                return client.page(event, after, pageSize);
            }

            @Override
            protected UUID idOf(RefundableOrder item) {
                return item.orderId();
            }
        };
    }

    @Bean
    @StepScope
    RefundWriter refundWriter(RefundsClient client, RefundRequests requests, ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends,
                              ReminderActivities activities, ReminderProperties properties,
                              @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                              @Value("#{jobParameters['" + EVENT_ID + "']}") String eventId,
                              @Value("#{jobParameters['" + REASON + "']}") String reason) throws AddressException {
        ReminderWriter mails = new ReminderWriter(deliveries, mail, activities,
                new InternetAddress(properties.from(), true), jobExecutionId, sends);
        return new RefundWriter(client, mails, requests, UUID.fromString(eventId), reason);
    }

    @Bean
    @StepScope
    UnpublishedRemindersListener unpublishedRefundMails(ReminderDeliveries deliveries, ReminderActivities activities) {
        return new UnpublishedRemindersListener(deliveries, activities, MAIL_KINDS);
    }

    @Bean
    @StepScope
    InDoubtDeliveriesListener inDoubtRefundMails(ReminderDeliveries deliveries) {
        return new InDoubtDeliveriesListener(deliveries, MAIL_KINDS);
    }

    @Bean
    JobDetail eventRefundsJobDetail() {
        return JobBuilder.newJob(RefundQuartzJob.class).withIdentity("eventRefunds", "refunds")
                .withDescription("launches the Spring Batch job eventRefundJob for each cancelled event with paid orders")
                .storeDurably().build();
    }

    /** Misfires are simply skipped (NEXT_WITH_REMAINING_COUNT): the next fire handles every open request anyway. */
    @Bean
    Trigger eventRefundsTrigger(JobDetail eventRefundsJobDetail,
                                @Value("${inviteflow.refunds.poll-interval}") Duration every) {
        return TriggerBuilder.newTrigger().forJob(eventRefundsJobDetail).withIdentity("eventRefunds-every", "refunds")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
