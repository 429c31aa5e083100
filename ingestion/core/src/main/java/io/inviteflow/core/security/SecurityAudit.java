package io.inviteflow.core.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of what happens to accounts ({@code security_audit}): written in the caller's transaction when there
 * is one, so an action and its record stand or fall together; the client's address from the current request.
 */
@Component
public class SecurityAudit {

    /** What happened. */
    public enum Action {
        SIGNED_UP, SIGNED_IN, SIGN_IN_FAILED, LOCKED_OUT, SECOND_FACTOR_FAILED, TOTP_ENABLED, TOTP_DISABLED,
        RECOVERY_CODE_USED, RECOVERY_CODES_RENEWED, SIGNED_OUT, SIGNED_OUT_EVERYWHERE, PASSWORD_CHANGED,
        REAUTHENTICATION_FAILED, SIGN_UP_TO_TAKEN_ADDRESS, PASSWORD_RESET_ASKED, PASSWORD_RESET,
        TEAM_INVITE_SENT, TEAM_JOINED, TEAM_MEMBER_REMOVED, TEAM_LEFT, TEAM_MEMBER_CHANGE,
        PASSKEY_ADDED, PASSKEY_REMOVED, ACCOUNT_CLOSED, RECLAIMED_BY_RESET
    }

    public record Entry(Instant at, Action action, String ip, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param organizerId null when no account is concerned (a failure for an unknown address) */
    public void record(UUID organizerId, Action action, String detail) {
        record(organizerId, action, detail, clientAddress());
    }

    /** For work done after its request, on another thread: {@code ip} is the address that request came from. */
    public void record(UUID organizerId, Action action, String detail, String ip) {
        jdbc.sql("INSERT INTO security_audit (at, organizer_id, action, ip, detail) "
                        + "VALUES (:at, :organizer, :action, :ip, :detail)")
                .param("at", Timestamp.from(clock.instant())).param("organizer", organizerId)
                .param("action", action.name()).param("ip", ip).param("detail", detail)
                .update();
    }

    /** How many times {@code action} was recorded for the account within {@code window}. */
    public long count(UUID organizerId, Action action, Duration window) {
        return jdbc.sql("SELECT count(*) FROM security_audit WHERE organizer_id = :organizer AND action = :action "
                        + "AND at >= :since")
                .param("organizer", organizerId).param("action", action.name())
                .param("since", Timestamp.from(clock.instant().minus(window)))
                .query(Long.class).single();
    }

    /** The account's latest entries, newest first. */
    public List<Entry> of(UUID organizerId, int limit) {
        return jdbc.sql("SELECT at, action, ip, detail FROM security_audit WHERE organizer_id = :organizer "
                        + "ORDER BY at DESC, id DESC LIMIT :limit")
                .param("organizer", organizerId).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), Action.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The address of the request being handled on this thread; null outside a request. */
    public static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
