package io.inviteflow.console.ops;

import java.time.Instant;
import java.util.List;

/**
 * The streaming pipeline at one moment. Each part is read on its own: a part that could not be read is null and
 * its reason is in {@code problems}.
 *
 * @param readAt              when this was read
 * @param consumerLag         activities on the topic the engagement job has not yet committed (its offsets are
 *                            committed at each checkpoint, so up to one checkpoint interval of traffic is normal)
 * @param newestOnKafka       timestamp of the newest record on the topic (when the outbox relay sent it)
 * @param newestArchived      event time of the newest activity in ClickHouse's {@code activity_log}
 * @param job                 the engagement job as Flink reports it
 * @param problems            what could not be read, in words
 */
public record PipelineStatus(Instant readAt, Long consumerLag, Instant newestOnKafka, Instant newestArchived,
                             FlinkJob job, List<String> problems) {

    /**
     * @param state                 Flink's job state ({@code RUNNING}, {@code RESTARTING}, {@code FAILED}, …)
     * @param startedAt             when the job started
     * @param lastCheckpointAt      when the newest completed checkpoint was acknowledged, null before the first
     * @param lastCheckpointBytes   its state size
     * @param failedCheckpoints     checkpoints failed since the job started
     */
    public record FlinkJob(String name, String state, Instant startedAt, Instant lastCheckpointAt,
                           Long lastCheckpointBytes, long failedCheckpoints) {
    }

    /**
     * How far ClickHouse is behind Kafka: the newest record on the topic against the newest archived activity, in
     * seconds (never negative). An upper bound: a record's Kafka time is when the relay sent it, a bit after the
     * activity's own time. Null when either side is unknown.
     */
    public Double ingestLagSeconds() {
        if (newestOnKafka == null || newestArchived == null) {
            return null;
        }
        return Math.max(0, (newestOnKafka.toEpochMilli() - newestArchived.toEpochMilli()) / 1000.0);
    }

    /** Seconds since the newest completed checkpoint; null without one. */
    public Double checkpointAgeSeconds() {
        if (job == null || job.lastCheckpointAt() == null) {
            return null;
        }
        return Math.max(0, (readAt.toEpochMilli() - job.lastCheckpointAt().toEpochMilli()) / 1000.0);
    }
}
