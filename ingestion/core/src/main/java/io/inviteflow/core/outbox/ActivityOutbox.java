package io.inviteflow.core.outbox;

import io.inviteflow.contract.Activity;
import io.inviteflow.contract.ActivityCodec;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.CoreProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Records activities in the outbox table, inside the caller's transaction: the activity exists exactly when the
 * change it describes was committed. {@link OutboxRelay} later sends them to Kafka. Never send to Kafka directly
 * from a service: that dual write loses or invents events.
 */
@Component
public class ActivityOutbox {

    private final JdbcTemplate jdbc;
    private final ActivityCodec codec = new ActivityCodec();
    private final CoreProperties properties;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ActivityOutbox(JdbcTemplate jdbc, CoreProperties properties, OutboxRelay relay,
                   ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.properties = properties;
        this.relay = relay;
        this.clock = clock;
    }

    /** An activity about one aggregate, to be recorded with {@link #recordAll}. */
    public record Entry(ActivityType type, String aggregateType, UUID aggregateId, UUID partyEventId,
                        Object payload) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Entry entry) {
        recordAll(List.of(entry));
    }

    /** Records the entries in one batch; they reach Kafka in this order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        var now = clock.instant();
        List<Activity> activities = entries.stream()
                .map(e -> codec.activity(UUID.randomUUID(), e.type(), e.aggregateType(), e.aggregateId(),
                        e.partyEventId(), now, e.payload()))
                .toList();
        jdbc.batchUpdate("INSERT INTO outbox (event_id, topic, message_key, payload) VALUES (?, ?, ?, ?)",
                activities, 1000, (ps, a) -> {
                    ps.setObject(1, a.eventId());
                    ps.setString(2, properties.activityTopic());
                    ps.setString(3, a.key());
                    ps.setBytes(4, codec.toJson(a));
                });
        // listeners (webhooks) write what they derive in this same transaction
        publisher.publishEvent(new ActivitiesRecorded(activities));
        wakeRelayAfterCommit();
    }

    /** Sends right after commit instead of waiting for the next poll: keeps dashboards fresh. */
    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
