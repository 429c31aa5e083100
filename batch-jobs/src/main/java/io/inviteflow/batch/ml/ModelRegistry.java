package io.inviteflow.batch.ml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The theme model registry, as files any node can read (the core serves from the same folder):
 * <pre>
 * themes/{version}/manifest.json   a complete version (the recommender writes the manifest last)
 * themes/CURRENT                   the promoted version, replaced atomically; the core swaps to it within seconds
 * themes/promotions.jsonl          every promotion and rollback: when, which version, the one before, by whom
 * </pre>
 * Promotions and rollbacks hold a file lock, so two of them never interleave their CURRENT and log writes. A version
 * that does not beat popularity on its held-out data is never promoted: the core would serve it as "personal"
 * although it ranks worse than what everybody gets without a model.
 */
@Component
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path themes;
    private final Clock clock;

    static final String PROMOTE = "promote";

    /** The promotion log's lines. {@code action}: {@code promote} or {@code rollback}. */
    public record Promotion(String at, String version, String previous, String by, String action) {
    }

    /** Refused: the version does not exist, cannot be served, or there is nothing to roll back to. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    ModelRegistry(MlProperties properties) {
        this.themes = properties.themesDir();
        this.clock = Clock.systemUTC();
    }

    /** Complete versions, newest first. */
    public List<ModelVersion> versions() {
        Optional<String> current = current();
        if (!Files.isDirectory(themes)) {
            return List.of();
        }
        List<ModelVersion> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(themes)) {
            for (Path manifest : dirs.map(d -> d.resolve("manifest.json")).filter(Files::isRegularFile).toList()) {
                read(manifest).ifPresent(v -> versions.add(v.asCurrent(current.map(v.version()::equals)
                        .orElse(false))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.sort(Comparator.comparing(ModelVersion::trainedAt).thenComparing(ModelVersion::version).reversed());
        return versions;
    }

    public Optional<ModelVersion> version(String version) {
        if (!version.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        return read(themes.resolve(version).resolve("manifest.json"))
                .map(v -> v.asCurrent(current().map(version::equals).orElse(false)));
    }

    /** The version of a training run, once its manifest is there. */
    Optional<ModelVersion> ofRun(String runId) {
        return versions().stream().filter(v -> runId.equals(v.runId())).findFirst();
    }

    public Optional<String> current() {
        try {
            Path pointer = themes.resolve("CURRENT");
            return Files.isRegularFile(pointer) ? Optional.of(Files.readString(pointer).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelVersion promote(String version, String by) {
        return locked(() -> {
            ModelVersion chosen = version(version).orElseThrow(() -> new Refused("no complete version " + version));
            if (chosen.current()) {
                throw new Refused(version + " is already served");
            }
            if (!chosen.promotable()) {
                throw new Refused(version + " does not beat popularity on its held-out data: the core would serve "
                        + "worse suggestions than it does without a model");
            }
            return switchTo(chosen, by, PROMOTE);
        });
    }

    /** Back to the version served before the current one was promoted (twice: back again before that one). */
    public ModelVersion rollback(String by) {
        return locked(() -> {
            String now = current().orElseThrow(() -> new Refused("no version is promoted"));
            // the promotion that made it current (a rollback to it names the version it left, not the one before it)
            Promotion last = promotions().stream().filter(p -> PROMOTE.equals(p.action()) && p.version().equals(now))
                    .findFirst().orElseThrow(() -> new Refused(now + " was not promoted through the registry"));
            if (last.previous() == null) {
                throw new Refused(now + " is the first version ever promoted: there is nothing to roll back to");
            }
            ModelVersion previous = version(last.previous())
                    .orElseThrow(() -> new Refused("the previous version " + last.previous() + " is gone"));
            return switchTo(previous, by, "rollback");
        });
    }

    /** Newest first. */
    public List<Promotion> promotions() {
        Path file = themes.resolve("promotions.jsonl");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            List<Promotion> all = new ArrayList<>(lines.filter(l -> !l.isBlank()).map(this::promotion)
                    .flatMap(Optional::stream).toList());
            java.util.Collections.reverse(all);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logs, then switches: a crash between the two leaves a logged change that did not happen (harmless: a rollback
     * looks for the promotion of what CURRENT names), never a switch without its log line.
     */
    private ModelVersion switchTo(ModelVersion chosen, String by, String action) throws IOException {
        String previous = current().orElse(null);
        Promotion entry = new Promotion(clock.instant().toString(), chosen.version(), previous, by, action);
        try (FileChannel log = FileChannel.open(themes.resolve("promotions.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            log.write(java.nio.ByteBuffer.wrap((json.writeValueAsString(entry) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            log.force(true);
        }
        Path tmp = themes.resolve("CURRENT.tmp");
        Files.writeString(tmp, chosen.version() + "\n");
        Files.move(tmp, themes.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("{} of theme model {} (was {}) by {}", action, chosen.version(), previous, by);
        return chosen.asCurrent(true);
    }

    private interface Change {
        ModelVersion apply() throws IOException;
    }

    private synchronized ModelVersion locked(Change change) {
        try {
            Files.createDirectories(themes);
            try (FileChannel channel = FileChannel.open(themes.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                return change.apply();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ModelVersion> read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            ModelVersion version = json.readValue(manifest.toFile(), ModelVersion.class);
            if (version.version() == null || version.trainedAt() == null) {
                log.warn("manifest {} names no version or training time: not a version", manifest);
                return Optional.empty();
            }
            return Optional.of(version);
        } catch (IOException e) {
            log.warn("unreadable manifest {}: {}", manifest, e.toString());
            return Optional.empty();
        }
    }

    /** A line torn by a crash mid-write is skipped. */
    private Optional<Promotion> promotion(String line) {
        try {
            return Optional.of(json.readValue(line, Promotion.class));
        } catch (IOException e) {
            log.warn("skipping an unreadable line of promotions.jsonl: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
