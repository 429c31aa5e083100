-- Retrains of the theme recommender (batch-jobs' ml package): one row per run of the recommender's Spark job, from
-- its launch to its end. A run is a process on one host; a batch-jobs restart re-attaches to a run still going and
-- marks one whose process is gone INTERRUPTED, so no run stays RUNNING for ever.
CREATE TABLE ml_training_run (
    id                 UUID PRIMARY KEY,
    trigger            VARCHAR(20)  NOT NULL,            -- console, nightly, cli
    requested_by       VARCHAR(320) NOT NULL,
    promote_if_better  BOOLEAN      NOT NULL,
    status             VARCHAR(20)  NOT NULL,            -- RUNNING, SUCCEEDED, FAILED, INTERRUPTED
    host               VARCHAR(255) NOT NULL,
    pid                BIGINT,
    started_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at        TIMESTAMPTZ,
    exit_code          INTEGER,
    version            VARCHAR(100),                     -- the model version it wrote, if any
    promoted           BOOLEAN      NOT NULL DEFAULT FALSE,
    message            TEXT,
    log_file           TEXT         NOT NULL
);

-- one retrain at a time: two would share the machine's cores and each take twice as long
CREATE UNIQUE INDEX ml_training_run_one_running ON ml_training_run ((true)) WHERE status = 'RUNNING';

CREATE INDEX ml_training_run_started ON ml_training_run (started_at DESC);
