package io.inviteflow.streaming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointResumeTest {

    @TempDir
    Path dir;

    @Test
    void findsTheNewestCompletedCheckpointAcrossRuns() throws IOException {
        checkpoint("job-a", 7, Instant.parse("2026-01-01T10:00:00Z"));
        Path newest = checkpoint("job-b", 3, Instant.parse("2026-01-01T11:00:00Z"));
        Files.createDirectories(dir.resolve("job-b/chk-4")); // in progress: no _metadata yet
        Files.createDirectories(dir.resolve("job-b/shared"));

        assertThat(CheckpointResume.latest(dir.toUri().toString())).contains(newest.toUri().toString());
        assertThat(CheckpointResume.latest(dir.toString())).contains(newest.toUri().toString());
    }

    @Test
    void nothingToResumeFromAnEmptyMissingOrRemoteDirectory() {
        assertThat(CheckpointResume.latest(dir.toUri().toString())).isEmpty();
        assertThat(CheckpointResume.latest(dir.resolve("missing").toUri().toString())).isEmpty();
        assertThat(CheckpointResume.latest("s3://bucket/checkpoints")).isEmpty();
    }

    @Test
    void resumeArgumentChoosesAutoNoneOrAPath() throws IOException {
        Path chk = checkpoint("job", 1, Instant.now());

        assertThat(CheckpointResume.choose("auto", dir.toString())).contains(chk.toUri().toString());
        assertThat(CheckpointResume.choose("none", dir.toString())).isEmpty();
        assertThat(CheckpointResume.choose("file:///sp/savepoint-1", dir.toString())).contains("file:///sp/savepoint-1");
    }

    private Path checkpoint(String job, int n, Instant written) throws IOException {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.from(written));
        return chk;
    }
}
