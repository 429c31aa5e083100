package io.inviteflow.batch.retention;

import io.inviteflow.batch.privacy.ErasedRecipients;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention job against the real core: the guests of an event older than the cutoff lose their names and
 * addresses in the core (chunk by chunk: two per chunk here) and in the delivery ledger; a newer event's guest keeps
 * both. The run counts what it erased.
 */
@TestPropertySource(properties = {"inviteflow.notices.poll-interval=500ms", "inviteflow.retention.chunk-size=2"})
class GuestDataRetentionJobIT extends BatchIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobLauncher launcher;
    @Autowired
    @Qualifier(GuestDataRetentionJobConfiguration.JOB)
    Job job;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listening() {
        awaitActivityConsumer(listeners);
    }

    @Test
    void guestsOfEventsPastTheRetentionPeriodAreForgottenInTheCoreAndTheLedger() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID old = core.newEvent(organizer, "Long ago " + RUN);
        UUID recent = core.newEvent(organizer, "Soon " + RUN);
        List<String> oldEmails = List.of("a-old-" + RUN + "@example.org", "b-old-" + RUN + "@example.org",
                "c-old-" + RUN + "@example.org");
        List<CoreApi.Invited> oldGuests = core.invite(organizer, old, List.of("Ada", "Alan", "Grace"), oldEmails);
        String recentEmail = "d-new-" + RUN + "@example.org";
        CoreApi.Invited recentGuest = core.invite(organizer, recent, List.of("Dennis"), List.of(recentEmail)).get(0);
        oldGuests.forEach(g -> core.answer(g, "YES"));
        core.answer(recentGuest, "YES");
        await().atMost(Duration.ofSeconds(90)).until(() -> ledgerRecipients(old).size() == 3
                && ledgerRecipients(recent).size() == 1);
        // the core's own schema, in the same database: the event took place 30 years ago
        jdbc.sql("UPDATE core_for_batch_" + RUN + ".party_event SET starts_at = now() - interval '30 years' WHERE id = :id")
                .param("id", old).update();

        Instant cutoff = Instant.now().minus(20 * 365, ChronoUnit.DAYS);
        JobExecution run = launcher.run(job, new JobParametersBuilder()
                .addString(GuestDataRetentionJobConfiguration.CUTOFF, cutoff.toString()).toJobParameters());

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getStepExecutions()).singleElement().satisfies(step ->
                assertThat(step.getWriteCount()).as("three guests, no orders").isEqualTo(3));
        assertThat(ledgerRecipients(old)).containsOnly(ErasedRecipients.ERASED);
        assertThat(ledgerRecipients(recent)).containsExactly(recentEmail);
        assertThat(jdbc.sql("SELECT count(*) FROM core_for_batch_" + RUN + ".invitation WHERE party_event_id = :id "
                + "AND guest_email_sealed IS NULL AND email_index IS NULL AND phone_index IS NULL "
                + "AND erased_at IS NOT NULL AND response = 'YES'").param("id", old)
                .query(Long.class).single()).as("erased in the core, answers kept").isEqualTo(3);
    }

    private List<String> ledgerRecipients(UUID event) {
        return jdbc.sql("SELECT recipient FROM reminder_delivery WHERE party_event_id = :id ORDER BY recipient")
                .param("id", event).query(String.class).list();
    }
}
