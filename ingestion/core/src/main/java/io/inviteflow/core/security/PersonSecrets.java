package io.inviteflow.core.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each person's own secret ({@code person_secret}: 32 random bytes, made on first use, stored sealed by
 * {@link SecretBox} under the master key and bound to the person; stored under a person key that names no one: an
 * invitation's, order's or ticket's id, or an address's blind index, {@link BlindIndex#personKeyOfEmail}), from which their pseudonymous keys and the keys of their sealed texts are derived. Destroying it (an erasure) is what makes every copy of what was derived from it —
 * in Kafka, ClickHouse, model files, database backups — belong to nobody and unreadable. Kept in memory a minute:
 * an erasure forgets it here at once; another instance within that minute.
 *
 * @see io.inviteflow.core.security.PersonalText
 */
@Component
public class PersonSecrets {

    private static final int SECRET_BYTES = 32;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, byte[]> secrets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    PersonSecrets(JdbcClient jdbc, JdbcTemplate batch, SecretBox box) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.box = box;
    }

    /**
     * The person's secret, made now if they have none yet. Within a transaction it is kept in memory only once that
     * commits: a secret made by a transaction that then rolls back must not outlive it here, or texts sealed under
     * it later would never open.
     */
    public byte[] of(String personKey) {
        byte[] cached = secrets.getIfPresent(personKey);
        if (cached != null) {
            return cached;
        }
        byte[] secret = storedOrNew(personKey);
        remember(personKey, secret);
        return secret;
    }

    private void remember(String personKey, byte[] secret) {
        rememberAll(Map.of(personKey, secret));
    }

    /** Kept in memory now, or, within a transaction (which may have made them), once that commits. */
    private void rememberAll(Map<String, byte[]> read) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    secrets.putAll(read);
                }
            });
        } else {
            secrets.putAll(read);
        }
    }

    /** The person's secret; empty when they never had one or it was destroyed. Never makes one. */
    public Optional<byte[]> find(String personKey) {
        byte[] cached = secrets.getIfPresent(personKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> found = stored(personKey).map(sealed -> box.open(sealed, boundTo(personKey)));
        found.ifPresent(secret -> remember(personKey, secret));
        return found;
    }

    /** The secrets of many people in one query: those who have one. */
    public Map<String, byte[]> findAll(Collection<String> personKeys) {
        Map<String, byte[]> found = new HashMap<>(secrets.getAllPresent(personKeys));
        List<String> missing = personKeys.stream().distinct().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            Map<String, byte[]> read = new HashMap<>();
            // one array, not a list of parameters: a whole event's guests may be more than a statement takes
            jdbc.sql("SELECT person_key, sealed FROM person_secret WHERE person_key = ANY(:keys)")
                    .param("keys", missing.toArray(String[]::new))
                    .query((java.sql.ResultSet rs) -> {
                        String person = rs.getString(1);
                        read.put(person, box.open(rs.getBytes(2), boundTo(person)));
                    });
            rememberAll(read);
            found.putAll(read);
        }
        return found;
    }

    /**
     * The secrets of many people, made now for those who have none (one batch of inserts). Kept in memory as
     * {@link #of} keeps them.
     */
    public Map<String, byte[]> ofAll(Collection<String> personKeys) {
        Map<String, byte[]> found = findAll(personKeys);
        List<String> missing = personKeys.stream().distinct().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            // two first uses at once: one insert wins, both read the winner's
            insert(fresh(missing), " ON CONFLICT DO NOTHING");
            found.putAll(findAll(missing));
        }
        return found;
    }

    /**
     * Secrets made now for people who cannot have one yet — the keys of rows being created (a new invitation, order
     * or ticket) — in one batch of inserts, reading nothing first or back: sealing thousands of new guests' names
     * costs no lookups. Kept in memory once the caller's transaction commits.
     */
    public Map<String, byte[]> make(Collection<String> newKeys) {
        Map<String, byte[]> made = fresh(newKeys.stream().distinct().toList());
        insert(made, "");
        rememberAll(made);
        return made;
    }

    private Map<String, byte[]> fresh(List<String> personKeys) {
        Map<String, byte[]> made = new HashMap<>();
        for (String key : personKeys) {
            byte[] secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            made.put(key, secret);
        }
        return made;
    }

    private void insert(Map<String, byte[]> made, String onConflict) {
        batch.batchUpdate("INSERT INTO person_secret (person_key, sealed) VALUES (?, ?)" + onConflict,
                List.copyOf(made.entrySet()), 1000, (ps, secret) -> {
                    ps.setString(1, secret.getKey());
                    ps.setBytes(2, box.seal(secret.getValue(), boundTo(secret.getKey())));
                });
    }

    /** Destroys the secrets (in the caller's transaction); @return how many there were. */
    public int destroy(Collection<String> personKeys) {
        if (personKeys.isEmpty()) {
            return 0;
        }
        // one array, not a list of parameters: a retention chunk's orders and tickets may be more than a statement takes
        int destroyed = jdbc.sql("DELETE FROM person_secret WHERE person_key = ANY(:keys)")
                .param("keys", personKeys.toArray(String[]::new)).update();
        secrets.invalidateAll(personKeys);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request reading a secret before the deletion commits would put it back in the cache: forget again
            List<String> keys = List.copyOf(personKeys);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    secrets.invalidateAll(keys);
                }
            });
        }
        return destroyed;
    }

    private byte[] storedOrNew(String personKey) {
        Optional<byte[]> sealed = stored(personKey);
        if (sealed.isEmpty()) {
            byte[] fresh = new byte[SECRET_BYTES];
            random.nextBytes(fresh);
            // two first uses at once: one insert wins, both read the winner's
            jdbc.sql("INSERT INTO person_secret (person_key, sealed) VALUES (:person, :sealed) ON CONFLICT DO NOTHING")
                    .param("person", personKey).param("sealed", box.seal(fresh, boundTo(personKey))).update();
            sealed = stored(personKey);
        }
        return box.open(sealed.orElseThrow(), boundTo(personKey));
    }

    private Optional<byte[]> stored(String personKey) {
        return jdbc.sql("SELECT sealed FROM person_secret WHERE person_key = :person").param("person", personKey)
                .query(byte[].class).optional();
    }

    /** What a person's sealed secret is bound to: moved to another person's row, it does not open. */
    static byte[] boundTo(String personKey) {
        return ("person-secret:" + personKey).getBytes(StandardCharsets.UTF_8);
    }
}
