package io.inviteflow.streaming.clickhouse;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;

/**
 * Writes rows ({@link ClickHouseRow}) to one ClickHouse table in JSONEachRow batches. At-least-once: every checkpoint
 * flushes, so nothing acknowledged by a checkpoint is lost; rows written again after a restart or replay are collapsed
 * by the tables' ReplacingMergeTree. The table (and database) is created if missing when the writer starts.
 *
 * @param <T> the row type
 */
public final class ClickHouseSink<T extends ClickHouseRow> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseTarget target;
    private final ClickHouseTable table;
    private final int batchSize;
    private final long flushIntervalMs;
    private final SerializableFunction<T, ?> rowKey;

    /**
     * @param batchSize     rows per insert at most; a full batch is sent at once
     * @param flushInterval the longest a row waits in the buffer (keeps the figures fresh under a second)
     */
    public ClickHouseSink(ClickHouseTarget target, ClickHouseTable table, int batchSize, Duration flushInterval) {
        this(target, table, batchSize, flushInterval, null);
    }

    /**
     * A sink that inserts only the newest row of each {@code rowKey} of a batch: for tables of running totals, where
     * older versions of a row would be replaced anyway. Needs the rows of one key to arrive in version order at one
     * writer (the keyed operator upstream, forwarded to the sink at the same parallelism).
     */
    public ClickHouseSink(ClickHouseTarget target, ClickHouseTable table, int batchSize, Duration flushInterval,
                          SerializableFunction<T, ?> rowKey) {
        if (batchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("batchSize and flushInterval must be positive");
        }
        this.target = target;
        this.table = table;
        this.batchSize = batchSize;
        this.flushIntervalMs = flushInterval.toMillis();
        this.rowKey = rowKey;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        ClickHouseHttp http = new ClickHouseHttp(target.url());
        table.createIfMissing(http, target);
        ExecutorService inserts = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "clickhouse-insert-" + table.name());
            t.setDaemon(true); // a writer closed mid-insert (task cancelled) must not keep the JVM alive
            return t;
        });
        return new ClickHouseSinkWriter<>(http, target.qualified(table.name()), batchSize, flushIntervalMs,
                context.getProcessingTimeService(), context.metricGroup().getNumRecordsSendCounter(), rowKey, inserts);
    }
}
