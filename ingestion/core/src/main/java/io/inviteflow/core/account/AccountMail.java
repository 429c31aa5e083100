package io.inviteflow.core.account;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Mail about accounts (address confirmation at sign-up, the notice of a sign-up with a taken address, password reset
 * links), sent on a thread of its own after the request is answered: how long a mail server takes, or whether a mail
 * went at all, must not show in the answer, which would tell who has an account.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "account-mail");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} (which may read and write the database, then mail) after this request. */
    void later(String what, Runnable work) {
        try {
            queue.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("{} was not sent: {}", what, e.getMessage());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            log.warn("{} was not sent: the core is shutting down", what);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        queue.shutdown();
        queue.awaitTermination(5, TimeUnit.SECONDS); // what is queued goes out if the mail server answers in time
    }
}
