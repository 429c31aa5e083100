package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.message.OutgoingWriter;
import io.inviteflow.batch.reminder.Reminder;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Sends a chunk of a campaign, then tells the core whom it reached, as the delivery ledger has it (so a chunk that
 * failed halfway still reports the people it reached, and a repeated one reports them again harmlessly): the
 * campaign's "sent" and the base of its open and click rates.
 */
class CampaignWriter implements ItemWriter<Outgoing> {

    private final OutgoingWriter outgoing;
    private final ReminderDeliveries deliveries;
    private final CampaignsClient core;
    private final UUID campaignId;

    CampaignWriter(OutgoingWriter outgoing, ReminderDeliveries deliveries, CampaignsClient core, UUID campaignId) {
        this.outgoing = outgoing;
        this.deliveries = deliveries;
        this.core = core;
        this.campaignId = campaignId;
    }

    @Override
    public void write(Chunk<? extends Outgoing> chunk) throws Exception {
        try {
            outgoing.write(chunk);
        } catch (Exception sending) {
            try {
                // only people all of whose messages went: the core leaves a reported person out of the restart's
                // pages, so someone whose text went but whose mail did not must not be reported yet
                report(chunk.getItems(), true);
            } catch (RuntimeException reporting) {
                sending.addSuppressed(reporting); // the sending failure is the one to see
            }
            throw sending;
        }
        report(chunk.getItems(), false);
    }

    /**
     * Tells the core which of these people the ledger says were reached: by any of their messages (a chunk that went
     * through), or by every one of them (a chunk that failed).
     */
    private void report(List<? extends Outgoing> items, boolean everyMessage) {
        Map<String, List<UUID>> byKind = new LinkedHashMap<>();
        items.stream().flatMap(o -> o.ledgers().stream()).forEach(ledger -> byKind
                .computeIfAbsent(ledger.kind(), k -> new ArrayList<>()).add(ledger.invitationId()));
        Set<String> handedOver = new HashSet<>();
        byKind.forEach((kind, ids) -> deliveries.handedOver(kind, ids)
                .forEach(id -> handedOver.add(kind + ":" + id)));
        Predicate<Reminder> went = ledger -> handedOver.contains(ledger.idempotencyKey());
        List<UUID> reached = items.stream()
                .filter(o -> everyMessage ? o.ledgers().stream().allMatch(went) : o.ledgers().stream().anyMatch(went))
                .map(o -> o.ledgers().get(0).invitationId())
                .distinct().toList();
        core.delivered(campaignId, reached);
    }
}
