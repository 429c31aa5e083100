package io.inviteflow.core.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every guest page of an event shows about it (the event, what guests may do, its questions), kept for a second:
 * in a burst of guests opening one event's invitations, three queries a page become none. A change made through this
 * instance drops the copy at once (and again after its commit); other instances show it within a second. Never used
 * where an answer is decided: answer rules always read the event itself.
 */
@Component
class EventSnapshots {

    static final Duration TTL = Duration.ofSeconds(1);
    private final Cache<UUID, GuestPageEvent> snapshots = Caffeine.newBuilder().expireAfterWrite(TTL)
            .maximumSize(10_000).build();

    GuestPageEvent get(UUID eventId, Function<UUID, GuestPageEvent> load) {
        return snapshots.get(eventId, load);
    }

    /** Drops the event's copy now and after the current transaction commits (a reader in between re-reads it). */
    void changed(UUID eventId) {
        snapshots.invalidate(eventId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshots.invalidate(eventId);
                }
            });
        }
    }
}
