package io.inviteflow.streaming;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sink that passes rows to the real one and, once {@link #arm() armed}, throws on the next row: a task failing
 * mid-stream, so the job restarts from its last checkpoint. Fails once per JVM (the flags are static: the MiniCluster
 * runs the tasks in the test's JVM, on copies of this object).
 */
final class FailOnceSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private final Sink<T> delegate;

    FailOnceSink(Sink<T> delegate) {
        this.delegate = delegate;
    }

    static void arm() {
        ARMED.set(true);
    }

    static boolean hasFailed() {
        return FAILED.get();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<T> writer = delegate.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws IOException, InterruptedException {
                if (ARMED.get() && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure: the task dies mid-stream");
                }
                writer.write(element, ctx);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
