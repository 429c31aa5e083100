package io.inviteflow.core.account;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Mail about accounts (address confirmation at sign-up, the notice of a sign-up with a taken address, password reset
 * links), sent on a thread of its own after the request is answered: how long a mail server takes, or whether a mail
 * went at all, must not show in the answer, which would tell who has an account.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    /**
     * When an address confirmation is tried again after the mail server was away: nobody can sign in before it
     * arrives, and a mail server that drops one connection usually takes the next.
     */
    private static final List<Duration> RETRIES =
            List.of(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final List<Duration> retries;

    private final ScheduledThreadPoolExecutor queue = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "account-mail");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    AccountMail() {
        this(RETRIES);
    }

    /** @param retries the pauses before each try after the first */
    AccountMail(List<Duration> retries) {
        this.retries = List.copyOf(retries);
    }

    /** Runs {@code work} (which may read and write the database, then mail) after this request. */
    void later(String what, Runnable work) {
        untilSent(what, () -> {
            work.run();
            return true;
        });
    }

    /**
     * Runs {@code sent} after this request, and again after each of the pauses ({@link #RETRIES}) while it answers
     * false (the mail server was away; the work left nothing behind that a second try would double). The thread is not
     * held between tries, so other accounts' mail goes out meanwhile.
     */
    void untilSent(String what, BooleanSupplier sent) {
        attempt(what, sent, 0, Duration.ZERO);
    }

    private void attempt(String what, BooleanSupplier sent, int retry, Duration delay) {
        try {
            queue.schedule(() -> {
                try {
                    if (sent.getAsBoolean()) {
                        return;
                    }
                    if (retry < retries.size()) {
                        attempt(what, sent, retry + 1, retries.get(retry));
                    } else {
                        log.warn("{} was not sent: the mail server was away at {} tries", what, retry + 1);
                    }
                } catch (RuntimeException e) {
                    log.warn("{} was not sent: {}", what, e.getMessage());
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("{} was not sent: the core is shutting down", what);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // what is due goes out if the mail server answers in time; tries waiting for later are dropped
        queue.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        queue.shutdown();
        queue.awaitTermination(5, TimeUnit.SECONDS);
    }
}
