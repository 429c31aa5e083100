package io.inviteflow.batch.reminder;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that talk SMTP. A mail's time is mostly waiting on the mail server's replies, so a chunk's mails go out
 * side by side, {@code inviteflow.mail.parallel-sends} at a time, shared by every job of this process.
 */
@Component
public class MailSends {

    private final ExecutorService executor;
    private final int parallel;

    MailSends(@Value("${inviteflow.mail.parallel-sends:8}") int parallel) {
        this.parallel = parallel;
        this.executor = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "mail-send");
            t.setDaemon(true);
            return t;
        });
    }

    ExecutorService executor() {
        return executor;
    }

    /** How many SMTP conversations go on at once. */
    int parallel() {
        return parallel;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
