-- Which batch-jobs process (its Quartz scheduler instance) runs a job execution, from its start to its end. A process
-- that dies mid-run leaves its executions STARTED in Spring Batch's tables, and a STARTED execution stops its job
-- instance from ever being launched again; OrphanedExecutions fails those whose process stopped checking in with the
-- Quartz cluster, so the next launch restarts them where they stopped.
CREATE TABLE job_execution_owner (
    job_execution_id   BIGINT PRIMARY KEY REFERENCES BATCH_JOB_EXECUTION (JOB_EXECUTION_ID) ON DELETE CASCADE,
    scheduler_instance VARCHAR(200) NOT NULL
);
