package io.inviteflow.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the newest retained checkpoint under a checkpoint directory, laid out by Flink as
 * {@code <dir>/<job-id>/chk-<n>/_metadata} (every run of the job has a new job id, so several job folders may be
 * there). "Newest" = the most recently written {@code _metadata}, then the highest n. Only local directories
 * ({@code file:} URIs or plain paths) are searched; for a remote file system pass {@code --resume <path>}.
 */
public final class CheckpointResume {

    private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

    private CheckpointResume() {
    }

    /** @return the {@code chk-n} folder to resume from (a URI string), or empty when none or not local */
    public static Optional<String> latest(String checkpointDir) {
        Optional<Path> dir = localPath(checkpointDir);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(dir.get(), 3,
                (p, attrs) -> attrs.isRegularFile() && p.getFileName().toString().equals("_metadata")
                        && CHK.matcher(p.getParent().getFileName().toString()).matches())) {
            return files.max(Comparator.comparing(CheckpointResume::modified).thenComparing(CheckpointResume::number))
                    .map(metadata -> metadata.getParent().toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + checkpointDir + " for checkpoints", e);
        }
    }

    /**
     * What {@code --resume} means: {@code auto} = the newest retained checkpoint if any, {@code none} = fresh state,
     * anything else = that checkpoint or savepoint path.
     */
    public static Optional<String> choose(String resume, String checkpointDir) {
        return switch (resume) {
            case "auto" -> latest(checkpointDir);
            case "none" -> Optional.empty();
            default -> Optional.of(resume);
        };
    }

    private static Optional<Path> localPath(String dir) {
        URI uri = URI.create(dir);
        if (uri.getScheme() == null) {
            return Optional.of(Path.of(dir));
        }
        return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE; // vanished meanwhile (subsumed by a running job): never the newest
        }
    }

    private static long number(Path metadata) {
        Matcher m = CHK.matcher(metadata.getParent().getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
