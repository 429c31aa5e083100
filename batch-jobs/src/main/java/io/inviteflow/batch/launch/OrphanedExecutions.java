package io.inviteflow.batch.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fails the job executions a dead batch-jobs process left running (killed, out of memory, machine lost), every
 * 30 s. Spring Batch cannot tell such an execution from a live one and refuses to launch its job instance again, so a
 * campaign, a refund or a notice run would never finish; failed, the next launch restarts it from its last committed
 * chunk, and the delivery ledger keeps anyone from getting a message twice. Any instance of the cluster may do it.
 */
@Component
public class OrphanedExecutions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanedExecutions.class);
    private static final Duration EVERY = Duration.ofSeconds(30);

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final ExecutionOwners owners;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService sweeper;

    OrphanedExecutions(JobExplorer explorer, JobRepository repository, ExecutionOwners owners) {
        this.explorer = explorer;
        this.repository = repository;
        this.owners = owners;
    }

    /** Fails every running execution of every job whose process is gone; how many. */
    public int release() {
        owners.forgetEnded();
        int released = 0;
        for (String job : explorer.getJobNames()) {
            for (JobExecution execution : explorer.findRunningJobExecutions(job)) {
                LocalDateTime moved = execution.getLastUpdated() != null ? execution.getLastUpdated()
                        : execution.getCreateTime();
                if (owners.orphaned(execution.getId(), moved.atZone(ZoneId.systemDefault()).toInstant(),
                        clock.instant()) && failedHere(execution)) {
                    released++;
                }
            }
        }
        return released;
    }

    /**
     * Fails it unless another instance's sweep got there first: both read it running, and Spring Batch's version
     * check lets only one save it. The loser's half (a step it failed) is what the winner saved anyway.
     */
    boolean failedHere(JobExecution execution) {
        try {
            fail(execution);
            return true;
        } catch (OptimisticLockingFailureException e) {
            log.info("execution {} was failed by another instance's sweep at the same time", execution.getId());
            return false;
        }
    }

    private void fail(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        String why = "its batch-jobs process stopped while it ran; failed so that it can be restarted";
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        execution.setEndTime(now);
        repository.update(execution);
        owners.release(execution.getId());
        log.warn("{} execution {} ({}) was left running by a stopped process: marked failed for a restart",
                execution.getJobInstance().getJobName(), execution.getId(), execution.getJobParameters());
    }

    @Override
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orphaned-executions");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                release();
            } catch (RuntimeException e) {
                log.warn("looking for orphaned job executions failed; trying again in {}", EVERY, e);
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns once a sweep in progress has ended, so that nothing is failed after the caller stopped it. */
    @Override
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdown();
            try {
                if (!sweeper.awaitTermination(30, TimeUnit.SECONDS)) {
                    sweeper.shutdownNow();
                }
            } catch (InterruptedException e) {
                sweeper.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null && !sweeper.isShutdown();
    }
}
