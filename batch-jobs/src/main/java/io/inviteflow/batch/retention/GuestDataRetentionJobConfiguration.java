package io.inviteflow.batch.retention;

import io.inviteflow.batch.privacy.ErasedRecipients;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.DefaultJobParametersValidator;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;

/**
 * {@code guestDataRetentionJob}: guests' personal data of events that started before {@code cutoff} (a job parameter)
 * is erased in the core, a chunk per core call, and the delivery ledger forgets the addresses those guests were mailed
 * at. A tasklet repeated until the core has nothing left: each repetition is one core transaction and one ledger
 * transaction, both skipping what is already done, so a run that failed anywhere is restarted (same cutoff) or simply
 * run again the next night.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class GuestDataRetentionJobConfiguration {

    static final String JOB = "guestDataRetentionJob";
    static final String CUTOFF = "cutoff";

    @Bean(JOB)
    Job guestDataRetentionJob(JobRepository jobs, Step eraseGuestDataOfPastEvents) {
        return new JobBuilder(JOB, jobs)
                .validator(new DefaultJobParametersValidator(new String[]{CUTOFF}, new String[0]))
                .start(eraseGuestDataOfPastEvents)
                .build();
    }

    @Bean
    Step eraseGuestDataOfPastEvents(JobRepository jobs, PlatformTransactionManager transactions,
                                    Tasklet eraseNextChunk) {
        return new StepBuilder("eraseGuestDataOfPastEvents", jobs).tasklet(eraseNextChunk, transactions).build();
    }

    @Bean
    @StepScope
    Tasklet eraseNextChunk(RetentionClient core, ErasedRecipients recipients, RetentionProperties properties,
                           @Value("#{jobParameters['" + CUTOFF + "']}") String cutoff) {
        Instant startedBefore = Instant.parse(cutoff);
        return (contribution, chunkContext) -> {
            RetentionClient.Chunk chunk = core.eraseChunk(startedBefore, properties.chunkSize());
            recipients.forget(chunk.invitationIds());
            contribution.incrementWriteCount(chunk.invitationIds().size() + chunk.orders());
            return chunk.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        };
    }
}
