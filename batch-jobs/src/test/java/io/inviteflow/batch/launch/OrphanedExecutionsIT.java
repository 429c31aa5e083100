package io.inviteflow.batch.launch;

import io.inviteflow.batch.campaign.CampaignLauncher;
import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch-jobs process killed in the middle of a campaign leaves its run STARTED; another process (or the same one
 * restarted) fails it once the dead process has stopped checking in, and the next launch finishes the campaign —
 * without touching a run whose process is alive.
 */
class OrphanedExecutionsIT extends BatchIntegrationTest {

    @Autowired
    JobRepository repository;
    @Autowired
    JobExplorer explorer;
    @Autowired
    OrphanedExecutions orphans;
    @Autowired
    CampaignLauncher launcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler scheduler;

    @Test
    void aRunLeftBehindByADeadProcessIsRestartedAndARunningOneIsLeftAlone() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Crash fair");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<CoreApi.Invited> guests = core.invite(organizer, eventId, List.of("Ann", "Ben"),
                List.of("ann-" + tag + "@example.org", "ben-" + tag + "@example.org"));
        String id = core.emailCampaignNow(organizer, eventId, "After the crash");

        // its sweeps on its own would race this test's steps; other test applications alive in this JVM sweep too,
        // so what is asserted is the state of each run, whichever sweep failed it
        orphans.stop();
        try {
            crashAndRestart(core, organizer, id, guests);
        } finally {
            orphans.start();
        }
    }

    private void crashAndRestart(CoreApi core, String organizer, String id, List<CoreApi.Invited> guests)
            throws Exception {
        // the process that started sending it died: its run is STARTED, owned by a scheduler that no longer checks in
        JobExecution dead = running(new JobParametersBuilder().addString("campaignId", id).addLong("round", 0L)
                .addLong("wave", 0L).toJobParameters(), "batch-jobs-that-died");
        assertThat(launcher.launchDue(Instant.now().plusSeconds(1))).isZero(); // Spring Batch: "already running"
        // a run of a live process (this one) is not touched
        JobExecution alive = running(new JobParametersBuilder().addString("campaignId", UUID.randomUUID().toString())
                .addLong("round", 0L).toJobParameters(), scheduler.getSchedulerInstanceId());

        orphans.release();
        assertThat(explorer.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        // another instance's sweep that read it while it was running (as this copy was) loses the race quietly
        assertThat(orphans.failedHere(dead)).isFalse();
        assertThat(explorer.getJobExecution(dead.getId()).getStepExecutions())
                .allSatisfy(step -> assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThat(explorer.getJobExecution(alive.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

        assertThat(launcher.launchDue(Instant.now().plusSeconds(1))).isEqualTo(1);
        for (CoreApi.Invited guest : guests) {
            assertThat(Mailboxes.awaitInbox(guest.email(), Mailboxes.ofCampaign(id), 1, Duration.ofSeconds(20)))
                    .hasSize(1);
        }
        assertThat(core.send("GET", "/api/v1/campaigns/" + id, organizer, "").get("status").asText())
                .isEqualTo("SENT");

        // tidy: the live run's "process" goes away too
        jdbc.sql("UPDATE job_execution_owner SET scheduler_instance = 'gone' WHERE job_execution_id = :id")
                .param("id", alive.getId()).update();
        orphans.release();
        assertThat(explorer.getJobExecution(alive.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    /** What a process leaves in the job repository when it dies in the middle of its job's one step. */
    private JobExecution running(JobParameters parameters, String owner) throws Exception {
        JobExecution execution = repository.createJobExecution("campaignJob", parameters);
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        repository.update(execution);
        StepExecution step = execution.createStepExecution("sendCampaign");
        repository.add(step);
        step.setStatus(BatchStatus.STARTED);
        repository.update(step);
        jdbc.sql("INSERT INTO job_execution_owner (job_execution_id, scheduler_instance) VALUES (:id, :owner)")
                .param("id", execution.getId()).param("owner", owner).update();
        return execution;
    }
}
