package io.inviteflow.batch.reminder;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.UUID;

/**
 * {@code unansweredReminderJob}: one chunk-oriented step, reader (core API, keyset paging, restartable position) →
 * pure processor → writer (claim, mail, mark, publish). Parameters: see {@link ReminderRun}.
 * <p>
 * No skip or retry policy on purpose: a failing mail server fails the run, and a restart with the same parameters
 * continues after the last committed chunk; the delivery ledger makes the re-read chunk harmless.
 */
@Configuration(proxyBeanMethods = false)
class UnansweredReminderJobConfiguration {

    static final String JOB = "unansweredReminderJob";

    @Bean(JOB)
    Job unansweredReminderJob(JobRepository jobs, Step sendUnansweredReminders) {
        return new JobBuilder(JOB, jobs)
                .validator(ReminderRun.validator(Reminder.UNANSWERED))
                .start(sendUnansweredReminders)
                .build();
    }

    @Bean
    Step sendUnansweredReminders(JobRepository jobs, PlatformTransactionManager transactions,
                                 PendingInvitationReader unansweredReminderReader,
                                 ReminderProcessor unansweredReminderProcessor,
                                 ReminderWriter unansweredReminderWriter,
                                 ReminderDeliveries deliveries, ReminderActivities activities,
                                 ReminderProperties properties) {
        return new StepBuilder("sendUnansweredReminders", jobs)
                .<PendingInvitation, Reminder>chunk(properties.chunkSize(), transactions)
                .reader(unansweredReminderReader)
                .processor(unansweredReminderProcessor)
                .writer(unansweredReminderWriter)
                .listener(new UnpublishedRemindersListener(deliveries, activities, Reminder.UNANSWERED))
                .listener(new InDoubtDeliveriesListener(deliveries, Reminder.UNANSWERED))
                .build();
    }

    @Bean
    @StepScope
    PendingInvitationReader unansweredReminderReader(
            PendingInvitationsClient client, ReminderProperties properties,
            @Value("#{jobParameters['eventId']}") String eventId,
            @Value("#{jobParameters['runAt']}") String runAt) {
        return PendingInvitationReader.builder()
                .name("unansweredReminderReader")
                .client(client)
                .eventId(eventId == null ? null : UUID.fromString(eventId))
                // from the run's own time (its minute: runAt is truncated to it), so a restarted run reminds the same
                // guests
                .invitedBefore((runAt == null ? java.time.Instant.now()
                        : java.time.Instant.parse(runAt).plus(java.time.Duration.ofMinutes(1)))
                        .minus(properties.unansweredAfter()))
                .pageSize(properties.pageSize())
                .build();
    }

    @Bean
    ReminderProcessor unansweredReminderProcessor(ReminderProperties properties) {
        return new ReminderProcessor(properties.skipLikelyToAnswer());
    }

    @Bean
    @StepScope
    ReminderWriter unansweredReminderWriter(ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends,
                                            ReminderActivities activities, ReminderProperties properties,
                                            @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId)
            throws AddressException {
        return new ReminderWriter(deliveries, mail, activities, new InternetAddress(properties.from(), true),
                jobExecutionId, sends);
    }
}
