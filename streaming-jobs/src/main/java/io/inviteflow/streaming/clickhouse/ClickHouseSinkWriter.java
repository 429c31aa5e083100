package io.inviteflow.streaming.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.function.SerializableFunction;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Buffers rows as JSON lines and inserts them when the batch is full, when the oldest buffered row has waited the
 * flush interval (a processing-time timer), and on {@link #flush(boolean)} (called before every checkpoint barrier
 * and at end of input). Timer callbacks run in the task's mailbox thread, like {@link #write}, so the buffer needs no
 * locking.
 * <p>
 * One insert at a time runs on {@code inserts} while the task goes on filling the next batch: an insert takes
 * ClickHouse tens of milliseconds, which the task would otherwise spend waiting. The next insert, and every flush,
 * first waits for the one in flight, so a checkpoint completes only after all rows before its barrier are in
 * ClickHouse, and a failed insert fails the task.
 */
final class ClickHouseSinkWriter<T extends ClickHouseRow> implements SinkWriter<T> {

    private final ClickHouseHttp http;
    private final String table;
    private final int batchSize;
    private final long flushIntervalMs;
    private final ProcessingTimeService time;
    private final Counter rowsSent;
    private final Executor inserts;

    /**
     * UTF-8 bytes as they go out, written by Jackson's UTF-8 generator: no text to copy and encode before each insert,
     * and the archive's payloads go in as the bytes they came as ({@code writeUTF8String}). Rows go into
     * {@code filling} while {@code sending} is inserted; {@link #send} swaps them once the insert in flight is done.
     */
    private RowBatch filling = new RowBatch(1 << 20);
    private RowBatch sending = new RowBatch(1 << 20);
    /** One generator for every row of the writer: a generator costs more than writing a short row. */
    private final JsonGenerator rows;
    private int buffered;
    /** With a row key: only the newest row of each key is kept until the next insert. */
    private final SerializableFunction<T, ?> rowKey;
    private final Map<Object, T> newestByKey = new LinkedHashMap<>();
    private boolean timerPending;
    private CompletableFuture<Void> inFlight;
    private int rowsInFlight;

    ClickHouseSinkWriter(ClickHouseHttp http, String table, int batchSize, long flushIntervalMs,
                         ProcessingTimeService time, Counter rowsSent, SerializableFunction<T, ?> rowKey,
                         Executor inserts) throws IOException {
        this.http = http;
        this.table = table;
        this.batchSize = batchSize;
        this.flushIntervalMs = flushIntervalMs;
        this.time = time;
        this.rowsSent = rowsSent;
        this.rowKey = rowKey;
        this.inserts = inserts;
        this.rows = new LoneSurrogatesReplaced(new JsonFactory().createGenerator(new OutputStream() {
            @Override
            public void write(int b) {
                filling.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                filling.write(bytes, offset, length);
            }
        }));
        rows.setRootValueSeparator(null); // each row ends in a newline instead (JSONEachRow)
    }

    @Override
    public void write(T row, Context context) throws IOException {
        if (rowKey == null) {
            writeRow(row);
            buffered++;
        } else {
            newestByKey.put(rowKey.apply(row), row); // rows of a key arrive oldest first
            buffered = newestByKey.size();
        }
        String deletes = row.deletes();
        if (deletes != null) {
            deleteAfterEverythingBefore(deletes);
        } else if (buffered >= batchSize) {
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
        awaitInFlight();
    }

    /** Starts inserting what is buffered, once the insert before it has finished. */
    private void send() throws IOException {
        if (buffered == 0) {
            return;
        }
        for (T row : newestByKey.values()) {
            writeRow(row);
        }
        newestByKey.clear();
        rows.flush();
        int count = buffered;
        buffered = 0;
        awaitInFlight(); // before its batch is filled again
        RowBatch batch = filling;
        filling = sending;
        filling.reset();
        sending = batch;
        rowsInFlight = count;
        inFlight = CompletableFuture.runAsync(() -> {
            try {
                http.insertJsonEachRow(table, batch);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, inserts);
    }

    /**
     * Inserts what is buffered, waits for it, then deletes: the delete must also cover rows that came before it in the
     * stream (a replay from offset zero inserts them again and deletes them again, in the same order). A ClickHouse
     * mutation rewrites the parts it touches in the background; erasures are rare, so one at a time is enough.
     */
    private void deleteAfterEverythingBefore(String condition) throws IOException {
        send();
        awaitInFlight();
        http.execute("ALTER TABLE " + table + " DELETE WHERE " + condition);
    }

    private void writeRow(T row) throws IOException {
        row.writeJson(rows);
        rows.writeRaw('\n');
    }

    private void awaitInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
            rowsSent.inc(rowsInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while inserting into " + table);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException("insert into " + table + " failed", cause);
        } finally {
            inFlight = null;
            rowsInFlight = 0;
        }
    }

    /** Rows still buffered are dropped: they were not covered by a checkpoint and will be replayed. */
    @Override
    public void close() {
        if (inserts instanceof java.util.concurrent.ExecutorService service) {
            service.shutdownNow();
        }
        newestByKey.clear();
        try {
            rows.close();
        } catch (IOException ignored) {
            // a generator over a byte buffer has nothing that could fail to close
        }
        filling.reset();
        buffered = 0;
    }
}
