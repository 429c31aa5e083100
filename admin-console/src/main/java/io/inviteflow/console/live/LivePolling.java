package io.inviteflow.console.live;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.springframework.scheduling.TaskScheduler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A view's live figures: every {@code every}, a read on the console's shared poller thread (never on a request
 * thread), its result shown under the UI's session lock and pushed to the page ({@code @Push} on the application
 * shell). A view starts it on attach and stops it on detach.
 */
public final class LivePolling {

    private final TaskScheduler poller;
    private final Duration every;
    private ScheduledFuture<?> polling;

    public LivePolling(TaskScheduler poller, Duration every) {
        this.poller = poller;
        this.every = every;
    }

    /**
     * Polls from now on, in place of any earlier poll.
     *
     * @param failed shown when the read failed (the next poll tries again)
     */
    public <T> void start(UI ui, Supplier<T> read, Consumer<T> show, Consumer<RuntimeException> failed) {
        stop();
        polling = poller.scheduleWithFixedDelay(() -> poll(ui, read, show, failed), every);
    }

    public void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    private static <T> void poll(UI ui, Supplier<T> read, Consumer<T> show, Consumer<RuntimeException> failed) {
        try {
            T value = read.get();
            ui.access(() -> show.accept(value));
        } catch (UIDetachedException e) {
            // closed between two polls; the view's detach stops the schedule
        } catch (RuntimeException e) {
            try {
                ui.access(() -> failed.accept(e));
            } catch (UIDetachedException ignored) {
                // closed meanwhile
            }
        }
    }
}
