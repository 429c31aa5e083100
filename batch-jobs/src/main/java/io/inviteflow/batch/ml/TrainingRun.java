package io.inviteflow.batch.ml;

import java.time.Instant;
import java.util.UUID;

/**
 * One retrain of the theme recommender.
 *
 * @param trigger  {@code console}, {@code nightly} or {@code cli}
 * @param status   {@code RUNNING}, {@code SUCCEEDED} (the job ended well; {@code version} is null when there was
 *                 too little data to write one), {@code FAILED}, {@code INTERRUPTED} (its process vanished)
 * @param stage    the job's last {@code stage n/6: …} line: its progress
 * @param promoted whether this run's version was promoted when the run ended
 */
public record TrainingRun(UUID id, String trigger, String requestedBy, boolean promoteIfBetter, String status,
                          String host, Long pid, Instant startedAt, Instant finishedAt, Integer exitCode,
                          String version, boolean promoted, String message, String stage) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    TrainingRun withStage(String stage) {
        return new TrainingRun(id, trigger, requestedBy, promoteIfBetter, status, host, pid, startedAt, finishedAt,
                exitCode, version, promoted, message, stage);
    }
}
