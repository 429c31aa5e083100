package io.inviteflow.batch.reminder;

import io.inviteflow.batch.support.BatchIntegrationTest;
import io.inviteflow.batch.support.CoreApi;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderQuartzIT extends BatchIntegrationTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JobExplorer explorer;

    @Test
    void theSchedulerFiresTheBatchJobWithTheFireTimeAsRunAt() throws Exception {
        CoreApi core = coreApi();
        String organizer = core.newOrganizerToken();
        UUID eventId = core.newEvent(organizer, "Quartz party " + RUN);
        String email = "quartz-" + RUN + "@example.org";
        core.invite(organizer, eventId, List.of("Quartz guest"), List.of(email));

        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        Trigger now = TriggerBuilder.newTrigger()
                .forJob(JobKey.jobKey(ReminderScheduleConfiguration.JOB_NAME, ReminderScheduleConfiguration.GROUP))
                .usingJobData(ReminderRun.EVENT_ID, eventId.toString())
                .startNow()
                .build();
        Instant scheduled = scheduler.scheduleJob(now).toInstant();

        JobExecution execution = awaitFinishedExecution(eventId, Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("the trigger did not launch unansweredReminderJob"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getJobParameters().getString(ReminderRun.KIND)).isEqualTo("unanswered");
        assertThat(execution.getJobParameters().getString(ReminderRun.RUN_AT))
                .isEqualTo(scheduled.truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(Mailboxes.awaitInbox(email, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    private Optional<JobExecution> awaitFinishedExecution(UUID eventId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobExecution> done = explorer.findJobInstancesByJobName(UnansweredReminderJobConfiguration.JOB,
                            0, 1000).stream()
                    .flatMap(instance -> explorer.getJobExecutions(instance).stream())
                    .filter(e -> eventId.toString().equals(e.getJobParameters().getString(ReminderRun.EVENT_ID)))
                    .filter(e -> !e.isRunning())
                    .findFirst();
            if (done.isPresent()) {
                return done;
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }
}
