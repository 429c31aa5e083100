package io.inviteflow.batch.reminder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The {@code reminder_delivery} table: one row per (kind, invitation), the ledger that makes reminders at most once.
 * <p>
 * Every method runs and commits in its OWN transaction ({@code REQUIRES_NEW}), never in the chunk's: a claim must be
 * durable before the mail leaves, and a "sent" mark must survive a chunk that rolls back later.
 * <p>
 * Row life: {@code claimed} → {@code sent} → {@code published}; a send that failed cleanly goes {@code claimed} →
 * {@code failed} and may be claimed again; one the provider refused for good goes {@code refused} and is never claimed
 * again. A row left in {@code claimed} means the process died between claim and
 * confirmation: the mail may or may not have gone out, so it is reported and never retried.
 */
@Repository
public class ReminderDeliveries {

    /** What a claim attempt found. */
    public enum Claim {
        /** This caller owns the delivery and must send. */
        CLAIMED,
        /** Already mailed, but the activity may not have reached Kafka: publish (again) only. */
        SENT_NOT_PUBLISHED,
        /** Mailed and published: nothing to do. */
        DONE,
        /** Claimed by a run that never confirmed the send (crash, or a concurrent run sending right now). */
        IN_DOUBT
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ReminderDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims the delivery: inserts a {@code claimed} row, or takes over a {@code failed} one. Exactly one concurrent
     * caller can win (primary key + row lock); the claim is committed when this method returns.
     */
    public Claim claim(Reminder reminder, long jobExecutionId) {
        return claimAll(List.of(reminder), jobExecutionId).get(0);
    }

    /**
     * {@link #claim} for a group of mails in one statement and one transaction (a round trip per mail was most of a
     * campaign's cost): the claims, in the group's order. A mail whose key appears earlier in the group is
     * {@link Claim#DONE} (sent once, by the first); a row another run inserted at the same moment is
     * {@link Claim#IN_DOUBT} (not ours to send).
     */
    public List<Claim> claimAll(List<Reminder> group, long jobExecutionId) {
        if (group.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, Reminder> unique = new java.util.LinkedHashMap<>();
        group.forEach(reminder -> unique.putIfAbsent(reminder.idempotencyKey(), reminder));
        java.util.Map<String, String> found = new java.util.HashMap<>();
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        WITH wanted AS (
                            SELECT * FROM unnest(:kinds, :ids, :events, :recipients)
                                AS w(kind, invitation_id, party_event_id, recipient)),
                        won AS (
                            INSERT INTO reminder_delivery AS d (kind, invitation_id, party_event_id, recipient, status,
                                                                attempts, job_execution_id, claimed_at)
                            SELECT kind, invitation_id, party_event_id, recipient, 'claimed', 1, :execution, now()
                            FROM wanted
                            ON CONFLICT (kind, invitation_id) DO UPDATE
                              SET status = 'claimed', attempts = d.attempts + 1,
                                  job_execution_id = EXCLUDED.job_execution_id, claimed_at = now(), last_error = NULL
                              WHERE d.status = 'failed'
                            RETURNING kind, invitation_id)
                        SELECT w.kind, w.invitation_id,
                               CASE WHEN won.invitation_id IS NOT NULL THEN 'won' ELSE old.status END AS status
                        FROM wanted w
                        LEFT JOIN won ON won.kind = w.kind AND won.invitation_id = w.invitation_id
                        LEFT JOIN reminder_delivery old ON old.kind = w.kind AND old.invitation_id = w.invitation_id""")
                .param("kinds", unique.values().stream().map(Reminder::kind).toArray(String[]::new))
                .param("ids", unique.values().stream().map(Reminder::invitationId).toArray(UUID[]::new))
                .param("events", unique.values().stream().map(Reminder::partyEventId)
                        .toArray(UUID[]::new))
                .param("recipients", unique.values().stream().map(Reminder::recipient).toArray(String[]::new))
                .param("execution", jobExecutionId)
                .query((rs, n) -> found.put(rs.getString("kind") + ":" + rs.getObject("invitation_id"),
                        rs.getString("status")))
                .list());
        List<Claim> claims = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Reminder reminder : group) {
            String key = reminder.idempotencyKey();
            claims.add(seen.add(key) ? claimOf(found.get(key)) : Claim.DONE);
        }
        return claims;
    }

    /** What the statement found: {@code won}, or the status the row had (none: inserted by a run at the same time). */
    private static Claim claimOf(String status) {
        if (status == null) {
            return Claim.IN_DOUBT;
        }
        return switch (status) {
            case "won" -> Claim.CLAIMED;
            case "sent" -> Claim.SENT_NOT_PUBLISHED;
            case "published", "refused" -> Claim.DONE;
            default -> Claim.IN_DOUBT;
        };
    }

    /** {@link #markSent} for a group the mail server took, in one statement. */
    public void markAllSent(List<Reminder> sent) {
        advance(sent.stream().map(Reminder::kind).toArray(String[]::new),
                sent.stream().map(Reminder::invitationId).toArray(UUID[]::new), "claimed", "sent", "sent_at");
    }

    /** The mail server refused or could not be reached: the mail did not go out, a later run may claim it again. */
    public void markFailed(Reminder reminder, String error) {
        release(reminder, "failed", error);
    }

    /** The provider refused it for good: not sent, and no later run claims it again. */
    public void markRefused(Reminder reminder, String error) {
        release(reminder, "refused", error);
    }

    /** A claim that sent nothing ends {@code failed} (may be claimed again) or {@code refused} (never), with why. */
    private void release(Reminder reminder, String status, String error) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        UPDATE reminder_delivery SET status = :status, last_error = :error
                        WHERE kind = :kind AND invitation_id = :id AND status = 'claimed'""")
                .param("status", status)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .param("kind", reminder.kind()).param("id", reminder.invitationId())
                .update());
    }

    public void markSent(Reminder reminder) {
        markAllSent(List.of(reminder));
    }

    public void markPublished(List<ReminderActivities.Sent> published) {
        advance(published.stream().map(ReminderActivities.Sent::kind).toArray(String[]::new),
                published.stream().map(ReminderActivities.Sent::invitationId).toArray(UUID[]::new), "sent",
                "published", "published_at");
    }

    /**
     * Moves the rows of these keys that are in status {@code from} to {@code to}, stamping {@code at}, at once
     * (claimed → sent, sent → published), without waiting for the commit to reach the disk: the
     * claims must (a mail goes out only after its claim is durable), these need not — a move lost to a database crash
     * leaves a sent mail claimed (in doubt: reported, not resent) or a published one sent (published again, with the
     * same eventId). Waiting for the WAL's flush on every one of them was most of a campaign's time on this disk.
     */
    private void advance(String[] kinds, UUID[] invitationIds, String from, String to, String at) {
        if (kinds.length == 0) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.sql("SELECT set_config('synchronous_commit', 'off', true)").query().listOfRows();
            jdbc.sql("""
                            UPDATE reminder_delivery d SET status = :to, %s = now()
                            FROM unnest(:kinds, :ids) AS k(kind, invitation_id)
                            WHERE d.kind = k.kind AND d.invitation_id = k.invitation_id AND d.status = :from"""
                            .formatted(at))
                    .param("kinds", kinds).param("ids", invitationIds).param("from", from).param("to", to)
                    .update();
        });
    }

    /**
     * Mailed reminders whose activity is not known to be on Kafka (a run died between the two).
     *
     * @param kind a kind, or a LIKE pattern for a family of kinds ({@code answer-confirmed/%}); kinds hold no {@code _}
     */
    public List<ReminderActivities.Sent> sentNotPublished(String kind) {
        return jdbc.sql("""
                        SELECT kind, invitation_id, party_event_id FROM reminder_delivery
                        WHERE kind LIKE :kind AND status = 'sent' ORDER BY invitation_id""")
                .param("kind", kind)
                .query((rs, row) -> new ReminderActivities.Sent(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .list();
    }

    /** Which of these invitations' deliveries of {@code kind} went out (sent, and maybe published since). */
    public List<java.util.UUID> handedOver(String kind, List<java.util.UUID> invitationIds) {
        if (invitationIds.isEmpty()) {
            return List.of();
        }
        // one array parameter, not an IN list of one per id: once the driver prepares the statement, PostgreSQL's
        // generic plan used an IN list as a filter over every row of the kind (a campaign's 100,000) on each call
        return jdbc.sql("SELECT invitation_id FROM reminder_delivery WHERE kind = :kind "
                        + "AND invitation_id = ANY(:ids) AND status IN ('sent', 'published')")
                .param("kind", kind).param("ids", invitationIds.toArray(UUID[]::new))
                .query(java.util.UUID.class).list();
    }

    /** Deliveries of this kind (or LIKE pattern) stuck in {@code claimed}: possibly mailed, never retried. */
    public long countInDoubt(String kind) {
        return jdbc.sql("SELECT count(*) FROM reminder_delivery WHERE kind LIKE :kind AND status = 'claimed'")
                .param("kind", kind).query(Long.class).single();
    }
}
