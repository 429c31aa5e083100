package io.inviteflow.batch.history;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameter;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Map<String, Job> jobs;
    private final TaskExecutorJobLauncher background;

    JobHistory(JobExplorer explorer, List<Job> jobs, JobRepository repository) throws Exception {
        this.explorer = explorer;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.background = new TaskExecutorJobLauncher();
        background.setJobRepository(repository);
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-restart-");
        executor.setConcurrencyLimit(2);
        background.setTaskExecutor(executor);
        background.afterPropertiesSet();
    }

    /** One run, with what its steps read, wrote and skipped. */
    public record Run(long id, long instanceId, String job, Map<String, String> parameters, BatchStatus status,
                      String exitCode, String exitDescription, LocalDateTime createdAt, LocalDateTime startedAt,
                      LocalDateTime endedAt, long read, long written, long skipped, boolean restartable) {
    }

    /** The newest {@code limit} runs, optionally of one job. */
    public List<Run> recent(String job, int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String name : job == null ? explorer.getJobNames() : List.of(job)) {
            for (JobInstance instance : explorer.getJobInstances(name, 0, limit)) {
                executions.addAll(explorer.getJobExecutions(instance));
            }
        }
        return executions.stream().sorted(Comparator.comparing(JobExecution::getCreateTime).reversed()
                        .thenComparing(JobExecution::getId, Comparator.reverseOrder()))
                .limit(limit).map(this::run).toList();
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
