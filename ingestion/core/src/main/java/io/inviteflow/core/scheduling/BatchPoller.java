package io.inviteflow.core.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background loop on a thread of its own: every {@code interval} it runs rounds of at most {@code batch} items, and
 * goes straight on while a round was full (more may be due). A failed round is logged; the next one comes on time.
 * Started and stopped with the application context.
 */
public abstract class BatchPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchPoller.class);

    private final String name;
    private final int batch;
    private ScheduledExecutorService scheduler;

    protected BatchPoller(String name, int batch) {
        this.name = name;
        this.batch = batch;
    }

    /** One round; returns how many items it handled (a full batch means: run again now). */
    protected abstract int round();

    protected abstract Duration interval();

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long every = interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                while (round() == batch) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                log.warn("{} round failed; next round in {} ms", name, every, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
