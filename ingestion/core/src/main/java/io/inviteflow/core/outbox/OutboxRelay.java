package io.inviteflow.core.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves outbox rows to Kafka, oldest first, then deletes them.
 *
 * <p>Delivery is at least once: a crash after Kafka acknowledged but before the delete commits sends those rows
 * again, and consumers deduplicate by eventId. Nothing is lost: rows leave the table only after Kafka acknowledged
 * them (acks=all, idempotent producer).
 *
 * <p>Order: one relay at a time across all instances of the core (a transaction-scoped PostgreSQL advisory lock),
 * sending in id order on an idempotent producer. Ids are taken at insert, not at commit, so two concurrent
 * transactions may go out in either order; the answers of one invitation are ordered by its row lock, and consumers
 * use {@code answerVersion}, not arrival order.
 *
 * <p>While Kafka is down every round fails fast (max.block.ms) and the relay backs off up to
 * {@code maxBackoff}; the API keeps accepting, rows accumulate, and all of them go out once Kafka is back.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant that no other part of the system uses as an advisory lock key. */
    static final long RELAY_LOCK = 0x1F_0B_0C_5EL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka,
                OutboxProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Asks for a round now (called after a transaction that wrote outbox rows commits). */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = relayOneBatch();
                backoff = Duration.ZERO;
                if (sent < properties.batchSize()) {
                    waitForWork(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                backoff = nextBackoff(backoff);
                log.warn("outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                waitForWork(backoff);
            }
        }
    }

    /** Sends one batch and deletes it, in one transaction; returns how many rows were sent. */
    int relayOneBatch() {
        Integer sent = tx.execute(status -> {
            Boolean leader = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.query(
                    "SELECT id, topic, message_key, payload FROM outbox ORDER BY id LIMIT ?",
                    (rs, i) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)),
                    properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            // By exact ids, never by range: a transaction that took a lower id may commit after this SELECT.
            Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
            jdbc.update("DELETE FROM outbox WHERE id = ANY(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<?> ack = kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()));
            if (ack.isCompletedExceptionally()) {
                ack.join(); // Kafka unreachable (max.block.ms): give up the round now, not after every row
            }
            acks.add(ack);
        }
        kafka.flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }

    private void waitForWork(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
        return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
    }

    private record OutboxRow(long id, String topic, String key, byte[] payload) {
    }
}
