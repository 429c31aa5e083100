package io.inviteflow.batch.ml;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the recommender's Spark job as a process of its own (Spark needs gigabytes and its own JVM options; batch-jobs
 * stays small) and follows it to its end: records the run, writes its output to a log, finds the version it wrote
 * and, when asked to, promotes it if it beats popularity.
 *
 * <p>Restart-safe: a run's process outlives a batch-jobs restart; on start this service re-attaches to the runs of
 * its host whose process is still alive and ends as INTERRUPTED those whose process is gone. A run is found complete
 * by the version carrying its run id, so a re-attached run is judged like any other.
 */
@Service
public class Retrainer {

    private static final Logger log = LoggerFactory.getLogger(Retrainer.class);
    private final MlProperties properties;
    private final TrainingRuns runs;
    private final ModelRegistry registry;
    private final String host;

    /** The job's process could not be started (the command, the log folder). */
    public static class CouldNotStart extends RuntimeException {
        CouldNotStart(Exception cause) {
            super("could not start the retrain: " + cause.getMessage(), cause);
        }
    }

    /** Refused: no retrain command is configured on this installation. */
    public static class NotConfigured extends RuntimeException {
        NotConfigured() {
            super("retraining is not set up here: inviteflow.ml.retrain-command (INVITEFLOW_ML_RETRAIN_COMMAND) is empty");
        }
    }

    Retrainer(MlProperties properties, TrainingRuns runs, ModelRegistry registry) throws IOException {
        this.properties = properties;
        this.runs = runs;
        this.registry = registry;
        this.host = InetAddress.getLocalHost().getHostName();
    }

    /** Launches a retrain; throws {@link TrainingRuns.AlreadyRunning} when one is going, on any node. */
    public TrainingRun start(String trigger, String requestedBy, boolean promoteIfBetter) {
        if (properties.retrainCommand().isEmpty()) {
            throw new NotConfigured();
        }
        UUID id = UUID.randomUUID();
        Path logFile = properties.logsDir().resolve(id + ".log");
        runs.interruptStale(properties.retrainTimeout());
        runs.start(id, trigger, requestedBy, promoteIfBetter, host, logFile.toString());
        Process process = null;
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>(properties.retrainCommand());
            command.addAll(List.of("--models-dir", properties.modelsDir().toAbsolutePath().toString(),
                    "--run-id", id.toString()));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(logFile.toFile()).start();
            runs.launched(id, process.pid());
            log.info("retrain {} started by {} ({}): pid {}", id, requestedBy, trigger, process.pid());
            Process child = process;
            process.onExit().whenComplete((p, failure) -> endSafely(id, failure == null ? child.exitValue() : null));
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly(); // not followed by anyone: it must not run on unobserved
            }
            runs.finish(id, TrainingRun.FAILED, null, null, false, "could not start: " + e.getMessage());
            throw new CouldNotStart(e);
        }
        return run(id).orElseThrow();
    }

    /**
     * The runs of this host left RUNNING by a previous life of this service; and any host's run older than
     * {@code inviteflow.ml.retrain-timeout}, whose host may never come back (it would hold the one RUNNING slot).
     */
    @EventListener(ApplicationReadyEvent.class)
    void reattach() {
        runs.interruptStale(properties.retrainTimeout());
        for (TrainingRuns.Stored stored : runs.running(host)) {
            TrainingRun run = stored.run();
            Optional<ProcessHandle> process = run.pid() == null ? Optional.empty() : ProcessHandle.of(run.pid())
                    .filter(p -> isTheRun(p, run.id()));
            if (process.isPresent()) {
                log.info("re-attached to retrain {} (pid {})", run.id(), run.pid());
                // not our child any more: no exit code; the version carrying its run id tells whether it worked
                process.get().onExit().whenComplete((p, failure) -> endSafely(run.id(), null));
            } else {
                endSafely(run.id(), null);
            }
        }
    }

    /** After a reboot the pid may be another program's: the run's process names its run id on its command line. */
    private static boolean isTheRun(ProcessHandle process, UUID runId) {
        return process.isAlive() && process.info().commandLine().map(c -> c.contains(runId.toString())).orElse(false);
    }

    /** A run whose end could not be recorded (database down, unreadable registry) is marked FAILED, not left RUNNING. */
    private void endSafely(UUID id, Integer exitCode) {
        try {
            ended(id, exitCode);
        } catch (RuntimeException e) {
            log.error("retrain {}: its end could not be recorded", id, e);
            try {
                runs.finish(id, TrainingRun.FAILED, exitCode, null, false, "its end could not be recorded: " + e);
            } catch (RuntimeException again) {
                log.error("retrain {} stays RUNNING until the next start of batch-jobs", id, again);
            }
        }
    }

    public List<TrainingRun> recent(int limit) {
        return runs.recent(limit).stream().map(s -> s.run().withStage(Progress.of(Path.of(s.logFile())).stage()))
                .toList();
    }

    public Optional<TrainingRun> run(UUID id) {
        return runs.find(id).map(s -> s.run().withStage(Progress.of(Path.of(s.logFile())).stage()));
    }

    /** The last {@code lines} lines of a run's log. */
    public Optional<List<String>> logTail(UUID id, int lines) {
        return runs.find(id).map(s -> Progress.of(Path.of(s.logFile())).tail(lines));
    }

    private void ended(UUID id, Integer exitCode) {
        TrainingRuns.Stored stored = runs.find(id).orElseThrow();
        Progress progress = Progress.of(Path.of(stored.logFile()));
        Optional<ModelVersion> version = registry.ofRun(id.toString());
        String lastLine = progress.lastLine();
        boolean processFailed = exitCode != null && exitCode != 0;
        if (processFailed || (exitCode == null && version.isEmpty())) {
            String status = exitCode == null ? TrainingRun.INTERRUPTED : TrainingRun.FAILED;
            runs.finish(id, status, exitCode, version.map(ModelVersion::version).orElse(null), false,
                    exitCode == null ? "the process ended while batch-jobs was not watching, without writing a "
                            + "version; last line: " + lastLine : "exit " + exitCode + "; last line: " + lastLine);
            log.warn("retrain {} {}: {}", id, status, lastLine);
            return;
        }
        boolean promote = stored.run().promoteIfBetter() && version.isPresent() && version.get().promotable();
        if (promote) {
            try {
                registry.promote(version.get().version(), stored.run().requestedBy() + " (" + stored.run().trigger()
                        + " retrain, beats popularity)");
            } catch (RuntimeException e) {
                log.warn("retrain {}: version {} not promoted: {}", id, version.get().version(), e.toString());
                promote = false;
            }
        }
        runs.finish(id, TrainingRun.SUCCEEDED, exitCode, version.map(ModelVersion::version).orElse(null), promote,
                lastLine);
        log.info("retrain {} ended: {}{}", id, lastLine, promote ? " (promoted)" : "");
    }

    /** What a run's log says. */
    record Progress(List<String> lines) {

        private static final int TAIL_BYTES = 256 * 1024;

        /** The last 256 KiB of the log (Spark writes a lot), undecodable bytes replaced. */
        static Progress of(Path logFile) {
            if (!Files.isRegularFile(logFile)) {
                return new Progress(List.of());
            }
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
                long from = Math.max(0, file.length() - TAIL_BYTES);
                byte[] tail = new byte[(int) (file.length() - from)];
                file.seek(from);
                file.readFully(tail);
                List<String> lines = new java.util.ArrayList<>(
                        List.of(new String(tail, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1)));
                if (from > 0 && !lines.isEmpty()) {
                    lines.remove(0); // cut in the middle
                }
                return new Progress(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The last {@code stage n/6: …} line, or null before the job printed one. */
        String stage() {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("stage ")) {
                    return lines.get(i);
                }
            }
            return null;
        }

        /** The last line that says something: a stack trace's frames are skipped for the exception above them. */
        String lastLine() {
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (!line.isBlank() && !line.startsWith("\tat ") && !line.startsWith("\t... ")
                        && !line.startsWith("Caused by: ") && !line.startsWith("\tSuppressed: ")) {
                    String said = line.strip();
                    return said.length() > 2000 ? said.substring(0, 2000) : said;
                }
            }
            return "(no output)";
        }

        List<String> tail(int n) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }
}
