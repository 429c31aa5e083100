package io.inviteflow.core.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Seals what earlier releases stored plain (guests' texts, buyers and holders), a short chunk per transaction, once
 * the core is up: each kind takes its rows with {@code SKIP LOCKED}, so several instances share the work and a guest
 * answering or paying meanwhile waits for one chunk at most. A chunk that fails is tried again; the run goes on at the
 * next start if it cannot finish. Finds nothing once done (partial indexes keep that cheap). Upgrade the core's
 * instances together: one of the release before writes plain rows (the next start seals them) and cannot read
 * sealed ones.
 */
@Component
public class LegacySealing {

    /** One kind of plain rows. */
    public interface PlainRows {

        /** Seals up to {@code limit} rows of each table it covers, in the caller's transaction; @return how many */
        int sealChunk(int limit);
    }

    private static final Logger log = LoggerFactory.getLogger(LegacySealing.class);
    private static final int CHUNK = 100;
    private static final int ATTEMPTS = 5;

    private final List<PlainRows> kinds;
    private final TransactionTemplate transactions;

    LegacySealing(List<PlainRows> kinds, TransactionTemplate transactions) {
        this.kinds = kinds;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealInTheBackground() {
        Thread worker = new Thread(() -> {
            try {
                long sealed = sealAll();
                if (sealed > 0) {
                    log.info("sealed {} rows written before they were sealed", sealed);
                }
            } catch (RuntimeException e) {
                log.warn("rows left plain until the next start: {}", e.toString());
            }
        }, "legacy-sealing");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return how many rows it sealed */
    public long sealAll() {
        long total = 0;
        for (PlainRows kind : kinds) {
            int done;
            do {
                done = chunkWithRetries(kind);
                total += done;
            } while (done > 0);
        }
        return total;
    }

    private int chunkWithRetries(PlainRows kind) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> kind.sealChunk(CHUNK));
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt); // a deadlock or serialization failure: the other side goes first
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
