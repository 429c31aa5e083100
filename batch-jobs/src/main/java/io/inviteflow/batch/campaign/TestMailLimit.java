package io.inviteflow.batch.campaign;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perWindow} test mails to one address in a sliding window: a test mail carries free text from the
 * installation's own address, so it must not become a way to mail anyone in bulk. Per process (a second instance
 * has its own count), which bounds it well enough for a button an organizer presses by hand.
 */
class TestMailLimit {

    private final int perWindow;
    private final Duration window;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    TestMailLimit(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    static class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** Counts {@code mails} more to {@code address}, or refuses them all. */
    void take(String address, int mails) {
        long now = System.nanoTime();
        Deque<Long> times = sent.computeIfAbsent(address.strip().toLowerCase(Locale.ROOT), a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > window.toNanos()) {
                times.pollFirst();
            }
            if (times.size() + mails > perWindow) {
                throw new Exceeded("at most " + perWindow + " test mails an hour to one address; try again later");
            }
            for (int i = 0; i < mails; i++) {
                times.addLast(now);
            }
        }
    }
}
