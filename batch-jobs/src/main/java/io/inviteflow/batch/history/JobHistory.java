package io.inviteflow.batch.history;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameter;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runs of every job of this cluster (from Spring Batch's repository, shared by all instances), newest first, and
 * the restart of a failed one: launched again with the same parameters, it goes on from its last committed chunk, and
 * the delivery ledger keeps everybody to one message. Only the last run of its job instance, and only a failed or
 * stopped one, may be restarted; the restart runs in the background (a campaign's run may take minutes).
 */
@Service
public class JobHistory {

    private final JobExplorer explorer;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Map<String, Job> jobs;
    private final TaskExecutorJobLauncher background;

    JobHistory(JobExplorer explorer, org.springframework.jdbc.core.simple.JdbcClient jdbc, List<Job> jobs,
               JobRepository repository) throws Exception {
        this.explorer = explorer;
        this.jdbc = jdbc;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.background = new TaskExecutorJobLauncher();
        background.setJobRepository(repository);
        // a thread per restart, never a wait on the admin's request: restarts are rare, pressed by hand
        background.setTaskExecutor(new SimpleAsyncTaskExecutor("job-restart-"));
        background.afterPropertiesSet();
    }

    /** One run, with what its steps read, wrote and skipped. */
    public record Run(long id, long instanceId, String job, Map<String, String> parameters, BatchStatus status,
                      String exitCode, String exitDescription, LocalDateTime createdAt, LocalDateTime startedAt,
                      LocalDateTime endedAt, long read, long written, long skipped, boolean restartable) {
    }

    /** The newest {@code limit} runs, optionally of one job (their ids from one query on Spring Batch's tables). */
    public List<Run> recent(String job, int limit) {
        return jdbc.sql("""
                        SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                        JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                        WHERE CAST(:job AS varchar) IS NULL OR i.JOB_NAME = :job
                        ORDER BY e.CREATE_TIME DESC, e.JOB_EXECUTION_ID DESC LIMIT :limit""")
                .param("job", job, java.sql.Types.VARCHAR).param("limit", limit)
                .query(Long.class).list().stream()
                .map(explorer::getJobExecution).filter(java.util.Objects::nonNull).map(this::run).toList();
    }

    public Optional<Run> find(long executionId) {
        return Optional.ofNullable(explorer.getJobExecution(executionId)).map(this::run);
    }

    /** Why a run cannot be restarted. */
    public static class NotRestartable extends RuntimeException {
        NotRestartable(String message) {
            super(message);
        }
    }

    /** Starts the run again in the background; returns the new run (just created). */
    public Run restart(long executionId) throws Exception {
        JobExecution failed = explorer.getJobExecution(executionId);
        if (failed == null) {
            throw new java.util.NoSuchElementException("no run " + executionId);
        }
        if (!restartable(failed)) {
            throw new NotRestartable("run " + executionId + " is " + failed.getStatus()
                    + (latest(failed) ? "" : " and not the last of its job instance")
                    + ": only a failed or stopped last run is restarted");
        }
        Job job = jobs.get(failed.getJobInstance().getJobName());
        if (job == null) {
            throw new NotRestartable("this process does not have the job " + failed.getJobInstance().getJobName());
        }
        return run(background.run(job, failed.getJobParameters()));
    }

    private boolean restartable(JobExecution execution) {
        return (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED)
                && latest(execution) && jobs.containsKey(execution.getJobInstance().getJobName());
    }

    private boolean latest(JobExecution execution) {
        JobExecution last = explorer.getLastJobExecution(execution.getJobInstance());
        return last != null && last.getId().equals(execution.getId());
    }

    private Run run(JobExecution e) {
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<String, JobParameter<?>> p : e.getJobParameters().getParameters().entrySet()) {
            parameters.put(p.getKey(), String.valueOf(p.getValue().getValue()));
        }
        long read = 0;
        long written = 0;
        long skipped = 0;
        for (StepExecution step : e.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
            skipped += step.getSkipCount();
        }
        String description = e.getExitStatus().getExitDescription();
        return new Run(e.getId(), e.getJobInstance().getInstanceId(), e.getJobInstance().getJobName(), parameters,
                e.getStatus(), e.getExitStatus().getExitCode(),
                description.length() > 500 ? description.substring(0, 500) + "…" : description,
                e.getCreateTime(), e.getStartTime(), e.getEndTime(), read, written, skipped, restartable(e));
    }
}
