package io.inviteflow.core.campaign;

import io.inviteflow.core.scheduling.BatchPoller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Picks the winners of A/B tests whose wait is over: the better version goes to everybody still waiting, as a new
 * sending round of the campaign (batch-jobs launches it like any due campaign; whoever got the test is skipped by
 * the delivery ledger). Safe on several core instances: each campaign is decided under its row lock, once.
 */
@Component
class AbTestWinners extends BatchPoller {

    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final CampaignTracking tracking;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AbTestWinners(JdbcClient jdbc, CampaignTracking tracking, TransactionTemplate transactions, Clock clock) {
        super("campaign-ab-winners", BATCH);
        this.jdbc = jdbc;
        this.tracking = tracking;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    protected int round() {
        return decideDue(clock.instant());
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(15);
    }

    /** Decides the tests due at {@code now}; how many it decided. */
    int decideDue(Instant now) {
        List<UUID> due = jdbc.sql("SELECT id FROM campaign WHERE status = 'TESTING' AND decide_at <= :now "
                        + "ORDER BY decide_at LIMIT :batch")
                .param("now", Timestamp.from(now)).param("batch", BATCH).query(UUID.class).list();
        return (int) due.stream().filter(id -> Boolean.TRUE.equals(transactions.execute(tx -> decide(id, now))))
                .count();
    }

    private boolean decide(UUID campaignId, Instant now) {
        var winnerBy = jdbc.sql("SELECT winner_by FROM campaign WHERE id = :id AND status = 'TESTING' "
                        + "AND decide_at <= :now FOR UPDATE SKIP LOCKED")
                .param("id", campaignId).param("now", Timestamp.from(now)).query(String.class).optional();
        if (winnerBy.isEmpty()) {
            return false; // decided meanwhile by another instance, or cancelled
        }
        String winner = Objects.requireNonNull(tracking.leader(campaignId, winnerBy.get()));
        jdbc.sql("UPDATE campaign SET winner = :winner, status = 'SCHEDULED', round = round + 1, send_at = :now "
                        + "WHERE id = :id")
                .param("winner", winner).param("now", Timestamp.from(now)).param("id", campaignId).update();
        jdbc.sql("UPDATE campaign_recipient SET variant = :winner WHERE campaign_id = :id AND variant IS NULL")
                .param("winner", winner).param("id", campaignId).update();
        return true;
    }
}
