package io.inviteflow.batch.ticketmail;

import io.inviteflow.batch.reminder.InDoubtDeliveriesListener;
import io.inviteflow.batch.reminder.MailSends;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import io.inviteflow.batch.reminder.ReminderProperties;
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
 * {@code ticketMailJob}: every paid order's buyer gets the tickets by mail, the printable PDF attached. Like the answer
 * confirmations, one run takes every open request in chunks (one core call per chunk, the chunk's mails side by side);
 * the table and the delivery ledger are the state, so a run killed halfway leaves its open requests to the next run,
 * which mails only the buyers not yet mailed.
 */
@Configuration(proxyBeanMethods = false)
class TicketMailJobConfiguration {

    static final String JOB = "ticketMailJob";

    @Bean(JOB)
    Job ticketMailJob(JobRepository jobs, Step mailTickets) {
        return new org.springframework.batch.core.job.builder.JobBuilder(JOB, jobs).start(mailTickets).build();
    }

    @Bean
    Step mailTickets(JobRepository jobs, PlatformTransactionManager transactions,
                     JdbcPagingItemReader<TicketMailRequests.Request> openTicketMails, TicketMailWriter ticketMailWriter,
                     ReminderDeliveries deliveries, ReminderActivities activities, ReminderProperties properties) {
        String kinds = TicketMail.SLUG + "/%";
        return new StepBuilder("mailTickets", jobs)
                .<TicketMailRequests.Request, TicketMailRequests.Request>chunk(properties.chunkSize(), transactions)
                .reader(openTicketMails)
                .writer(ticketMailWriter)
                .listener(new UnpublishedRemindersListener(deliveries, activities, kinds))
                .listener(new InDoubtDeliveriesListener(deliveries, kinds))
                .build();
    }

    /** Open requests in activity-id order; the reader's position is saved with each chunk. */
    @Bean
    @StepScope
    JdbcPagingItemReader<TicketMailRequests.Request> openTicketMails(DataSource dataSource,
                                                                     ReminderProperties properties) throws Exception {
        return new JdbcPagingItemReaderBuilder<TicketMailRequests.Request>()
                .name("openTicketMails")
                .dataSource(dataSource)
                .selectClause("SELECT activity_id, order_id, party_event_id")
                .fromClause("FROM ticket_mail")
                .whereClause("WHERE closed_at IS NULL")
                .sortKeys(Map.of("activity_id", Order.ASCENDING))
                .pageSize(properties.chunkSize())
                .rowMapper((rs, row) -> new TicketMailRequests.Request(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .build();
    }

    @Bean
    @StepScope
    TicketMailWriter ticketMailWriter(TicketMailsClient core, TicketMailRequests requests,
                                      ReminderDeliveries deliveries, JavaMailSender mail, MailSends sends,
                                      ReminderActivities activities, ReminderProperties properties,
                                      @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId)
            throws AddressException {
        return new TicketMailWriter(core, new ReminderWriter(deliveries, mail, activities,
                new InternetAddress(properties.from(), true), jobExecutionId, sends), requests);
    }

    @Bean
    JobDetail ticketMailsJobDetail() {
        return JobBuilder.newJob(TicketMailQuartzJob.class).withIdentity("ticketMails", "notices")
                .withDescription("launches the Spring Batch job ticketMailJob while paid orders wait for their tickets")
                .storeDurably().build();
    }

    /** Misfires are skipped (NEXT_WITH_REMAINING_COUNT): the next fire takes every open request anyway. */
    @Bean
    Trigger ticketMailsTrigger(JobDetail ticketMailsJobDetail,
                               @Value("${inviteflow.notices.poll-interval}") java.time.Duration every) {
        return TriggerBuilder.newTrigger().forJob(ticketMailsJobDetail).withIdentity("ticketMails-every", "notices")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
