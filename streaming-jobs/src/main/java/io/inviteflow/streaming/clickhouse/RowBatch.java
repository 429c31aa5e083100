package io.inviteflow.streaming.clickhouse;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bytes of one insert, sent as they are: {@code BodyPublishers.ofByteArray} copies them into buffers of its own,
 * and {@code toByteArray()} would copy them once more — a gigabyte every half-minute of the pipeline benchmark.
 * The sink writer fills one batch while the other is being inserted.
 */
final class RowBatch extends ByteArrayOutputStream {

    RowBatch(int initialBytes) {
        super(initialBytes);
    }

    /** The body of a request; the batch must not change until the request has been answered. */
    HttpRequest.BodyPublisher body() {
        ByteBuffer bytes = ByteBuffer.wrap(buf, 0, count);
        return HttpRequest.BodyPublishers.fromPublisher(new OneBuffer(bytes), count);
    }

    /** A publisher of one buffer, to one subscriber at a time (the client subscribes again on a retry). */
    private record OneBuffer(ByteBuffer bytes) implements Flow.Publisher<ByteBuffer> {

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            AtomicBoolean done = new AtomicBoolean();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    if (n > 0 && done.compareAndSet(false, true)) {
                        subscriber.onNext(bytes.duplicate());
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    done.set(true);
                }
            });
        }
    }
}
