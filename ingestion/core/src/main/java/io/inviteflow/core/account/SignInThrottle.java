package io.inviteflow.core.account;

import io.inviteflow.core.scheduling.BatchPoller;
import io.inviteflow.core.security.BlindIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sign-in attempts per address as typed (folded; kept by its blind index, not in clear), whether or not an account has
 * it. Each attempt is counted before
 * its password or code is checked ({@link #reserve}), in one statement, so guesses sent in parallel cannot slip past:
 * the attempt after {@link SignInProperties#failuresBeforeLock()} in a row is refused and locks the address for
 * {@link SignInProperties#lock()}, twice as long for each further lock in a row (a day at most); a success clears the
 * count ({@link #succeeded}). An unknown address is throttled exactly like a known one, so a lock says nothing about
 * which addresses have accounts. Rows idle for a day and not locked are purged hourly.
 */
@Component
class SignInThrottle extends BatchPoller {

    private static final Duration LONGEST = Duration.ofDays(1);
    private static final Duration IDLE = Duration.ofDays(1);
    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final Clock clock;
    private final BlindIndex index;

    SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock, BlindIndex index) {
        super("sign-in-throttle-purge", 10_000);
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.index = index;
    }

    /** The row of an address as typed: its blind index (addresses differ only in case for every provider we know). */
    private String keyOf(String email) {
        byte[] of = index.ofEmail(email);
        return "index:" + (of == null ? "" : HexFormat.of().formatHex(of));
    }

    /** Counts an attempt; empty when it may go on, else how long the address is locked (this attempt refused). */
    Optional<Duration> reserve(String email) {
        String key = keyOf(email);
        Instant now = clock.instant();
        Optional<int[]> counted = jdbc.sql("""
                        INSERT INTO sign_in_throttle (email_key, attempts, last_attempt_at) VALUES (:key, 1, :now)
                        ON CONFLICT (email_key) DO UPDATE SET attempts = sign_in_throttle.attempts + 1,
                                                             last_attempt_at = :now
                        WHERE sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= :now
                        RETURNING attempts, locks""")
                .param("key", key).param("now", Timestamp.from(now))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).optional();
        if (counted.isEmpty()) {
            return lockedFor(key, now);
        }
        int attempts = counted.get()[0];
        int locks = counted.get()[1];
        if (attempts <= properties.failuresBeforeLock()) {
            return Optional.empty();
        }
        Duration lock = properties.lock().multipliedBy(1L << Math.min(locks, 20));
        Duration applied = lock.compareTo(LONGEST) > 0 ? LONGEST : lock;
        jdbc.sql("UPDATE sign_in_throttle SET locked_until = :until, locks = :locks, attempts = 0 "
                        + "WHERE email_key = :key AND (locked_until IS NULL OR locked_until <= :now)")
                .param("until", Timestamp.from(now.plus(applied))).param("locks", locks + 1).param("key", key)
                .param("now", Timestamp.from(now)).update();
        return lockedFor(key, now).or(() -> Optional.of(applied));
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE email_key = :key")
                .param("key", keyOf(email)).update();
    }

    private Optional<Duration> lockedFor(String key, Instant now) {
        return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE email_key = :key")
                .param("key", key)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(o -> o)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Made-up addresses tried once must not fill the table: forget those idle for a day and not locked. */
    @Override
    protected int round() {
        Instant now = clock.instant();
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE email_key IN (SELECT email_key FROM sign_in_throttle "
                        + "WHERE last_attempt_at < :idle AND (locked_until IS NULL OR locked_until < :now) LIMIT 10000)")
                .param("idle", Timestamp.from(now.minus(IDLE))).param("now", Timestamp.from(now)).update();
    }

    @Override
    protected Duration interval() {
        return Duration.ofHours(1);
    }
}
