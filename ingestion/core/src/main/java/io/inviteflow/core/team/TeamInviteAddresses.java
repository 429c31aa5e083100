package io.inviteflow.core.team;

import io.inviteflow.core.scheduling.BatchPoller;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonSecrets;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The addresses team invitations are mailed to: another person's, kept only while the invitation is pending. Sealed
 * under the invitation's own secret ({@link PersonalText#teamInviteKey}) with the address's blind index beside it (a
 * person's copy and erasure find it); shredded — columns emptied, secret destroyed — once the invitation is joined,
 * withdrawn or expired (the last by this poller, hourly).
 */
@Component
class TeamInviteAddresses extends BatchPoller {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final PersonalText text;
    private final PersonSecrets secrets;
    private final BlindIndex index;
    private final Clock clock;
    private final TransactionTemplate transactions;

    TeamInviteAddresses(JdbcClient jdbc, PersonalText text, PersonSecrets secrets, BlindIndex index, Clock clock,
                        TransactionTemplate transactions) {
        super("team-invite-address-shredding", CHUNK);
        this.jdbc = jdbc;
        this.text = text;
        this.secrets = secrets;
        this.index = index;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Seals the address of a new invitation into its row (in the caller's transaction). */
    void keep(UUID inviteId, String address) {
        String key = PersonalText.teamInviteKey(inviteId);
        jdbc.sql("UPDATE team_invite SET email = NULL, email_sealed = :sealed, email_index = :index WHERE id = :id")
                .param("sealed", text.sealerForNew(List.of(key)).seal(key, PersonalText.EMAIL, address))
                .param("index", index.ofEmail(address)).param("id", inviteId).update();
    }

    /** The addresses of these invitations' rows: sealed, or plain of an earlier release until start-up seals it. */
    Map<UUID, String> open(List<Stored> rows) {
        PersonalText.Opener opener = text.openerFor(rows.stream()
                .map(r -> PersonalText.teamInviteKey(r.inviteId())).toList());
        return rows.stream().collect(Collectors.toMap(Stored::inviteId, r -> java.util.Objects.requireNonNullElse(
                opener.openOr(PersonalText.teamInviteKey(r.inviteId()), PersonalText.EMAIL, r.sealed(), r.plain()),
                "")));
    }

    /** An invitation's address as read: its box, or the plain address of an earlier release. */
    record Stored(UUID inviteId, byte[] sealed, String plain) {
    }

    /** Empties these invitations' addresses and destroys their secrets (in the caller's transaction). */
    int shred(List<UUID> inviteIds) {
        if (inviteIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("UPDATE team_invite SET email = NULL, email_sealed = NULL, email_index = NULL WHERE id = ANY(:ids)")
                .param("ids", inviteIds.toArray(UUID[]::new)).update();
        return secrets.destroy(inviteIds.stream().map(PersonalText::teamInviteKey).toList());
    }

    @Override
    protected int round() {
        return transactions.execute(status -> {
            List<UUID> expired = jdbc.sql("""
                            SELECT id FROM team_invite
                            WHERE expires_at <= :now AND (email_sealed IS NOT NULL OR email IS NOT NULL)
                            ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(clock.instant())).param("limit", CHUNK).query(UUID.class).list();
            shred(expired);
            return expired.size();
        });
    }

    @Override
    protected Duration interval() {
        return Duration.ofHours(1);
    }
}
