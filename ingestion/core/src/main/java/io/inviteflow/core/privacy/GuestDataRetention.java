package io.inviteflow.core.privacy;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.contract.Payloads;
import io.inviteflow.core.outbox.ActivityOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The retention rule for guests' personal data: once an event is older than the rule allows, its invitations keep
 * their answers and headcounts but lose what names a person (as in an erasure, {@link PersonalDataErasure#eraseGuests}),
 * and its orders and tickets lose their buyers' and holders' names and addresses. Applied a chunk at a time by
 * batch-jobs' retention job; each chunk is one transaction and skips what is already erased, so a run stopped
 * anywhere simply goes on. Recurring events are left alone: their guests are still coming. The analytics archive
 * keeps the events' activities, which name nobody; a {@code GUEST_DATA_EXPIRED} activity per event and chunk tells
 * batch-jobs to forget the guests' addresses.
 */
@Service
class GuestDataRetention {

    /** One chunk: the invitations erased (batch-jobs forgets the addresses it mailed them at) and orders emptied. */
    record Chunk(List<UUID> invitationIds, int orders) {
    }

    private static final String PAST = "e.starts_at < :before AND e.recurrence IS NULL";
    private static final String AGGREGATE = "retention";

    private final JdbcClient jdbc;
    private final PersonalDataErasure erasure;
    private final ActivityOutbox outbox;

    GuestDataRetention(JdbcClient jdbc, PersonalDataErasure erasure, ActivityOutbox outbox) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.outbox = outbox;
    }

    @Transactional
    Chunk eraseChunk(Instant startedBefore, int limit) {
        Timestamp before = Timestamp.from(startedBefore);
        Map<UUID, List<UUID>> byEvent = new LinkedHashMap<>();
        List<UUID> invitations = new ArrayList<>();
        jdbc.sql("SELECT i.id, i.party_event_id FROM invitation i JOIN party_event e ON e.id = i.party_event_id "
                        + "WHERE " + PAST + " AND i.erased_at IS NULL ORDER BY i.id LIMIT :limit FOR UPDATE OF i SKIP LOCKED")
                .param("before", before).param("limit", limit)
                .query((java.sql.ResultSet rs) -> {
                    invitations.add(rs.getObject(1, UUID.class));
                    byEvent.computeIfAbsent(rs.getObject(2, UUID.class), e -> new ArrayList<>())
                            .add(rs.getObject(1, UUID.class));
                });
        List<UUID> orders = jdbc.sql("SELECT o.id FROM ticket_order o JOIN party_event e ON e.id = o.event_id "
                        + "WHERE " + PAST + " AND " + PersonalDataErasure.BUYER_KEPT
                        + " ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED")
                .param("before", before).param("limit", limit).query(UUID.class).list();
        List<UUID> tickets = orders.isEmpty() ? List.of() : jdbc.sql("SELECT id FROM ticket WHERE order_id IN (:orders)")
                .param("orders", orders).query(UUID.class).list();
        erasure.eraseGuests(invitations);
        erasure.eraseBuyersAndHolders(orders, tickets);
        // in this transaction, so whoever keeps guests' addresses (batch-jobs' ledger) hears of it even when the
        // caller never gets this answer
        List<ActivityOutbox.Entry> expired = new ArrayList<>();
        byEvent.forEach((event, ids) -> expired.add(new ActivityOutbox.Entry(ActivityType.GUEST_DATA_EXPIRED,
                AGGREGATE, UUID.randomUUID(), event, new Payloads.PersonErased(ids))));
        if (!expired.isEmpty()) {
            outbox.recordAll(expired);
        }
        return new Chunk(invitations, orders.size());
    }
}
