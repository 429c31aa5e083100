package io.inviteflow.batch.campaign;

import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps a campaign to its {@code perMinute}: after each chunk, waits until the people sent so far in this run could
 * have been sent at that rate. A chunk's own sending time counts toward it, so a slow mail server is not slowed further.
 */
public class CampaignPace implements ChunkListener {

    /** Waits the given milliseconds (the real one sleeps; tests count). */
    public interface Waiting {
        void waitFor(long millis) throws InterruptedException;
    }

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Waiting waiting;
    private long started = -1;
    private long people;

    public CampaignPace(int perMinute, LongSupplier nanoClock, Waiting waiting) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
        this.waiting = waiting;
    }

    public static CampaignPace of(int perMinute) {
        return new CampaignPace(perMinute, System::nanoTime, Thread::sleep);
    }

    @Override
    public void beforeChunk(ChunkContext context) {
        if (started < 0) {
            started = nanoClock.getAsLong();
        }
    }

    @Override
    public void afterChunk(ChunkContext context) {
        people = context.getStepContext().getStepExecution().getWriteCount();
        waitIfAhead();
    }

    /** How long the run waits now, given {@code sent} people so far this run. */
    long waitMillis(long sent) {
        if (started < 0) {
            started = nanoClock.getAsLong();
        }
        long due = Duration.ofMinutes(1).toNanos() * sent / perMinute;
        long elapsed = nanoClock.getAsLong() - started;
        return Math.max(0, (due - elapsed) / 1_000_000);
    }

    private void waitIfAhead() {
        long millis = waitMillis(people);
        if (millis > 0) {
            try {
                waiting.waitFor(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
