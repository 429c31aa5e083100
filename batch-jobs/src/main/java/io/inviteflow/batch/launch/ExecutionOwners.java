package io.inviteflow.batch.launch;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Which process runs which job execution: each process is its Quartz scheduler instance, whose check-ins with the
 * cluster ({@code QRTZ_SCHEDULER_STATE}) say it is alive.
 */
@Component
public class ExecutionOwners {

    /** Quartz checks in every 10 s: a process silent for this long stopped (or hangs, and its claims would fail). */
    static final Duration SILENT = Duration.ofSeconds(60);
    /** A run without an owner record is judged by its own progress, with more patience. */
    static final Duration UNOWNED_SILENT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Scheduler scheduler;

    ExecutionOwners(JdbcClient jdbc, Scheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    void own(long jobExecutionId) {
        jdbc.sql("INSERT INTO job_execution_owner (job_execution_id, scheduler_instance) VALUES (:id, :me) "
                        + "ON CONFLICT (job_execution_id) DO UPDATE SET scheduler_instance = :me")
                .param("id", jobExecutionId).param("me", me()).update();
    }

    void release(long jobExecutionId) {
        jdbc.sql("DELETE FROM job_execution_owner WHERE job_execution_id = :id").param("id", jobExecutionId).update();
    }

    /** Forgets the owners of runs that have ended. */
    int forgetEnded() {
        return jdbc.sql("DELETE FROM job_execution_owner o USING BATCH_JOB_EXECUTION e "
                + "WHERE e.JOB_EXECUTION_ID = o.job_execution_id AND e.END_TIME IS NOT NULL").update();
    }

    /**
     * True when nobody alive runs it: its owner stopped checking in, or it has no owner and has not moved for
     * {@link #UNOWNED_SILENT} (a process that died between creating the execution and owning it, or a run of a
     * version that kept no owners, during a rolling upgrade).
     *
     * @param lastUpdated when Spring Batch last saved the run (each chunk's commit does)
     */
    boolean orphaned(long jobExecutionId, Instant lastUpdated, Instant now) {
        var owner = jdbc.sql("SELECT scheduler_instance FROM job_execution_owner WHERE job_execution_id = :id")
                .param("id", jobExecutionId).query(String.class).optional();
        if (owner.isEmpty()) {
            return lastUpdated.isBefore(now.minus(UNOWNED_SILENT));
        }
        return jdbc.sql("SELECT count(*) FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = :scheduler "
                        + "AND INSTANCE_NAME = :owner AND LAST_CHECKIN_TIME > :since")
                .param("scheduler", schedulerName()).param("owner", owner.get())
                .param("since", now.minus(SILENT).toEpochMilli()).query(Long.class).single() == 0;
    }

    private String me() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the Quartz scheduler has no instance id", e);
        }
    }

    private String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (SchedulerException e) {
            throw new IllegalStateException("the Quartz scheduler has no name", e);
        }
    }
}
