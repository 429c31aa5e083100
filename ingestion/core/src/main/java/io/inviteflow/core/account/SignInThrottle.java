package io.inviteflow.core.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per address as typed (folded), whether or not an account has it: after
 * {@link SignInProperties#failuresBeforeLock()} in a row the address is locked for {@link SignInProperties#lock()},
 * twice as long for each further lock in a row (a day at most); a successful sign-in clears the count. An unknown
 * address is throttled exactly like a known one, so a lock says nothing about which addresses have accounts.
 */
@Component
class SignInThrottle {

    private static final Duration LONGEST = Duration.ofDays(1);
    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SignInProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the address stays locked, or empty when it may try. */
    Optional<Duration> lockedFor(String email) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE email_key = :key")
                .param("key", OrganizerRepository.normalizeEmail(email))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(o -> o)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure; returns the lock it started, if this failure completed a run. */
    Optional<Duration> failed(String email) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                        INSERT INTO sign_in_throttle (email_key, failures, last_failure_at) VALUES (:key, 1, :now)
                        ON CONFLICT (email_key) DO UPDATE SET failures = sign_in_throttle.failures + 1,
                                                             last_failure_at = :now
                        RETURNING failures""")
                .param("key", OrganizerRepository.normalizeEmail(email)).param("now", Timestamp.from(now))
                .query(Integer.class).single();
        if (failures % properties.failuresBeforeLock() != 0) {
            return Optional.empty();
        }
        int locksInARow = failures / properties.failuresBeforeLock();
        Duration lock = properties.lock().multipliedBy(1L << Math.min(locksInARow - 1, 20));
        Duration applied = lock.compareTo(LONGEST) > 0 ? LONGEST : lock;
        jdbc.sql("UPDATE sign_in_throttle SET locked_until = :until WHERE email_key = :key")
                .param("until", Timestamp.from(now.plus(applied)))
                .param("key", OrganizerRepository.normalizeEmail(email)).update();
        return Optional.of(applied);
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE email_key = :key")
                .param("key", OrganizerRepository.normalizeEmail(email)).update();
    }
}
