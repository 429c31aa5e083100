package io.inviteflow.batch.notice;

import io.inviteflow.batch.paging.KeysetPageReader;
import io.inviteflow.batch.reminder.InDoubtDeliveriesListener;
import io.inviteflow.batch.reminder.Reminder;
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

import java.util.UUID;

/**
 * {@code eventNoticeJob}: tells the guests a change concerns — everyone with an email who has not declined, or the
 * one guest a waitlist promotion concerns — with their updated calendar entry attached. Same machinery as the
 * reminders: keyset-paged reader (restartable), pure processor, the writer with the delivery ledger, so a run killed
 * halfway and restarted mails the rest and nobody twice. Launched by {@link NoticeQuartzJob} every few seconds.
 */
@Configuration(proxyBeanMethods = false)
class EventNoticeJobConfiguration {

    static final String JOB = "eventNoticeJob";
    static final String ACTIVITY_ID = "activityId";
    static final String KIND = "kind";
    static final String EVENT_ID = "eventId";
    static final String INVITATION_ID = "invitationId";
    static final String REASON = "reason";

    @Bean(JOB)
    Job eventNoticeJob(JobRepository jobs, Step sendEventNotices) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs).start(sendEventNotices).build();
    }

    @Bean
    Step sendEventNotices(JobRepository jobs, PlatformTransactionManager transactions,
                          KeysetPageReader<NoticeRecipient> noticeRecipientReader, NoticeProcessor noticeProcessor,
                          ReminderWriter noticeWriter, UnpublishedRemindersListener unpublishedNotices,
                          InDoubtDeliveriesListener inDoubtNotices, ReminderProperties properties) {
        return new StepBuilder("sendEventNotices", jobs)
                .<NoticeRecipient, Reminder>chunk(properties.chunkSize(), transactions)
                .reader(noticeRecipientReader)
                .processor(noticeProcessor)
                .writer(noticeWriter)
                .listener(unpublishedNotices)
                .listener(inDoubtNotices)
                .build();
    }

    @Bean
    @StepScope
    KeysetPageReader<NoticeRecipient> noticeRecipientReader(
            NoticeRecipientsClient client, ReminderProperties properties,
            @Value("#{jobParameters['" + EVENT_ID + "']}") String eventId,
            @Value("#{jobParameters['" + INVITATION_ID + "']}") String invitationId) {
        UUID event = UUID.fromString(eventId);
        UUID only = invitationId == null ? null : UUID.fromString(invitationId);
        return new KeysetPageReader<>("noticeRecipientReader") {
            @Override
            protected Page<NoticeRecipient> page(UUID after) {
                return client.page(event, only, after, properties.pageSize());
            }

            @Override
            protected UUID idOf(NoticeRecipient item) {
                return item.invitationId();
            }
        };
    }

    @Bean
    @StepScope
    NoticeProcessor noticeProcessor(@Value("#{jobParameters['" + KIND + "']}") String kind,
                                    @Value("#{jobParameters['" + ACTIVITY_ID + "']}") String activityId,
                                    @Value("#{jobParameters['" + REASON + "']}") String reason) {
        return new NoticeProcessor(NoticeKind.valueOf(kind), UUID.fromString(activityId), reason);
    }

    @Bean
    @StepScope
    ReminderWriter noticeWriter(ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends, ReminderActivities activities,
                                ReminderProperties properties,
                                @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) throws AddressException {
        return new ReminderWriter(deliveries, mail, activities, new InternetAddress(properties.from(), true),
                jobExecutionId, sends);
    }

    @Bean
    @StepScope
    UnpublishedRemindersListener unpublishedNotices(ReminderDeliveries deliveries, ReminderActivities activities,
                                                    @Value("#{jobParameters['" + KIND + "']}") String kind,
                                                    @Value("#{jobParameters['" + ACTIVITY_ID + "']}") String activityId) {
        return new UnpublishedRemindersListener(deliveries, activities, ledgerKind(kind, activityId));
    }

    @Bean
    @StepScope
    InDoubtDeliveriesListener inDoubtNotices(ReminderDeliveries deliveries,
                                             @Value("#{jobParameters['" + KIND + "']}") String kind,
                                             @Value("#{jobParameters['" + ACTIVITY_ID + "']}") String activityId) {
        return new InDoubtDeliveriesListener(deliveries, ledgerKind(kind, activityId));
    }

    private static String ledgerKind(String kind, String activityId) {
        return NoticeKind.valueOf(kind).slug + "/" + activityId;
    }

    @Bean
    JobDetail eventNoticesJobDetail() {
        return JobBuilder.newJob(NoticeQuartzJob.class).withIdentity("eventNotices", "notices")
                .withDescription("launches the Spring Batch job eventNoticeJob for each open notice request")
                .storeDurably().build();
    }

    /** Misfires are simply skipped (NEXT_WITH_REMAINING_COUNT): the next fire handles every open request anyway. */
    @Bean
    Trigger eventNoticesTrigger(JobDetail eventNoticesJobDetail,
                                @Value("${inviteflow.notices.poll-interval}") java.time.Duration every) {
        return TriggerBuilder.newTrigger().forJob(eventNoticesJobDetail).withIdentity("eventNotices-every", "notices")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
