package io.inviteflow.streaming.clickhouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.function.SerializableFunction;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Buffers rows as JSON lines and inserts them when the batch is full, when the oldest buffered row has waited the
 * flush interval (a processing-time timer), and on {@link #flush(boolean)} (called before every checkpoint barrier
 * and at end of input). Timer callbacks run in the task's mailbox thread, like {@link #write}, so no locking.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final ClickHouseHttp http;
    private final String table;
    private final int batchSize;
    private final long flushIntervalMs;
    private final ProcessingTimeService time;
    private final Counter rowsSent;

    private final StringBuilder buffer = new StringBuilder();
    private int buffered;
    /** With a row key: only the newest row of each key is kept until the next insert. */
    private final SerializableFunction<T, String> rowKey;
    private final Map<String, T> newestByKey = new LinkedHashMap<>();
    private boolean timerPending;

    ClickHouseSinkWriter(ClickHouseHttp http, String table, int batchSize, long flushIntervalMs,
                         ProcessingTimeService time, Counter rowsSent, SerializableFunction<T, String> rowKey) {
        this.http = http;
        this.table = table;
        this.batchSize = batchSize;
        this.flushIntervalMs = flushIntervalMs;
        this.time = time;
        this.rowsSent = rowsSent;
        this.rowKey = rowKey;
    }

    @Override
    public void write(T row, Context context) throws IOException {
        if (rowKey == null) {
            buffer.append(json.writeValueAsString(row)).append('\n');
            buffered++;
        } else {
            newestByKey.put(rowKey.apply(row), row); // rows of a key arrive oldest first
            buffered = newestByKey.size();
        }
        if (buffered >= batchSize) {
            send();
        } else if (!timerPending) {
            timerPending = true;
            time.registerTimer(time.getCurrentProcessingTime() + flushIntervalMs, this::onTimer);
        }
    }

    private void onTimer(long timestamp) throws IOException {
        timerPending = false;
        send();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        send();
    }

    private void send() throws IOException {
        if (buffered == 0) {
            return;
        }
        for (T row : newestByKey.values()) {
            buffer.append(json.writeValueAsString(row)).append('\n');
        }
        newestByKey.clear();
        http.insertJsonEachRow(table, buffer.toString());
        rowsSent.inc(buffered);
        buffer.setLength(0);
        buffered = 0;
    }

    /** Rows still buffered are dropped: they were not covered by a checkpoint and will be replayed. */
    @Override
    public void close() {
        newestByKey.clear();
        buffer.setLength(0);
        buffered = 0;
    }
}
