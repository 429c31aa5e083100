package io.inviteflow.batch.ml;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code ml_training_run} table. */
@Repository
class TrainingRuns {

    private static final String COLUMNS = "id, trigger, requested_by, promote_if_better, status, host, pid, "
            + "started_at, finished_at, exit_code, version, promoted, message, log_file";
    private final JdbcClient jdbc;

    /** Refused: a retrain is already running. */
    static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a retrain is already running: one at a time");
        }
    }

    TrainingRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a RUNNING row; throws {@link AlreadyRunning} when another run holds the one RUNNING slot. */
    void start(UUID id, String trigger, String requestedBy, boolean promoteIfBetter, String host, String logFile) {
        try {
            jdbc.sql("INSERT INTO ml_training_run (id, trigger, requested_by, promote_if_better, status, host, "
                            + "log_file) VALUES (:id, :trigger, :by, :promote, 'RUNNING', :host, :log)")
                    .param("id", id).param("trigger", trigger).param("by", requestedBy)
                    .param("promote", promoteIfBetter).param("host", host).param("log", logFile).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunning();
        }
    }

    void launched(UUID id, long pid) {
        jdbc.sql("UPDATE ml_training_run SET pid = :pid WHERE id = :id").param("pid", pid).param("id", id).update();
    }

    /** Ends a RUNNING run (a run already ended is left as it is: ending is idempotent). */
    void finish(UUID id, String status, Integer exitCode, String version, boolean promoted, String message) {
        jdbc.sql("UPDATE ml_training_run SET status = :status, finished_at = now(), exit_code = :exit, "
                        + "version = :version, promoted = :promoted, message = :message "
                        + "WHERE id = :id AND status = 'RUNNING'")
                .param("status", status).param("exit", exitCode).param("version", version)
                .param("promoted", promoted).param("message", message).param("id", id).update();
    }

    /** Ends as INTERRUPTED every run, of any host, RUNNING for longer than {@code timeout}. */
    int interruptStale(java.time.Duration timeout) {
        return jdbc.sql("UPDATE ml_training_run SET status = 'INTERRUPTED', finished_at = now(), "
                        + "message = 'still running after ' || :timeout || ': its host is gone or it hangs' "
                        + "WHERE status = 'RUNNING' AND started_at < now() - make_interval(secs => :seconds)")
                .param("timeout", timeout.toString()).param("seconds", timeout.toSeconds()).update();
    }

    List<Stored> running(String host) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ml_training_run WHERE status = 'RUNNING' AND host = :host")
                .param("host", host).query(TrainingRuns::stored).list();
    }

    List<Stored> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ml_training_run ORDER BY started_at DESC, id LIMIT :limit")
                .param("limit", limit).query(TrainingRuns::stored).list();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ml_training_run WHERE id = :id").param("id", id)
                .query(TrainingRuns::stored).optional();
    }

    /** A row and where its log is. */
    record Stored(TrainingRun run, String logFile) {
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        long pidValue = rs.getLong("pid");
        Long pid = rs.wasNull() ? null : pidValue;
        int exit = rs.getInt("exit_code");
        Integer exitCode = rs.wasNull() ? null : exit;
        return new Stored(new TrainingRun(rs.getObject("id", UUID.class), rs.getString("trigger"),
                rs.getString("requested_by"), rs.getBoolean("promote_if_better"), rs.getString("status"),
                rs.getString("host"), pid,
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), exitCode, rs.getString("version"),
                rs.getBoolean("promoted"), rs.getString("message"), null), rs.getString("log_file"));
    }
}
