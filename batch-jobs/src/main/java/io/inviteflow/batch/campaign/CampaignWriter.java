package io.inviteflow.batch.campaign;

import io.inviteflow.batch.message.Outgoing;
import io.inviteflow.batch.message.OutgoingWriter;
import io.inviteflow.batch.reminder.ReminderActivities;
import io.inviteflow.batch.reminder.ReminderDeliveries;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

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
                reportComplete(chunk.getItems());
            } catch (RuntimeException reporting) {
                sending.addSuppressed(reporting); // the sending failure is the one to see
            }
            throw sending;
        }
        report(chunk.getItems());
    }

    private void reportComplete(List<? extends Outgoing> items) {
        String kind = "campaign/" + campaignId + "/";
        Set<UUID> byMail = Set.copyOf(deliveries.handedOver(kind + "email", items.stream().map(Outgoing::email)
                .filter(Objects::nonNull).map(m -> m.invitationId()).toList()));
        Set<UUID> byPush = Set.copyOf(deliveries.handedOver(kind + ReminderActivities.PUSH, items.stream()
                .map(Outgoing::push).filter(Objects::nonNull).map(p -> p.ledger().invitationId()).toList()));
        Set<UUID> bySms = Set.copyOf(deliveries.handedOver(kind + ReminderActivities.SMS, items.stream()
                .map(Outgoing::sms).filter(Objects::nonNull).map(s -> s.ledger().invitationId()).toList()));
        List<UUID> complete = items.stream()
                .filter(o -> (o.email() == null || byMail.contains(o.email().invitationId()))
                        && (o.push() == null || byPush.contains(o.push().ledger().invitationId()))
                        && (o.sms() == null || bySms.contains(o.sms().ledger().invitationId())))
                .map(o -> o.email() != null ? o.email().invitationId() : o.push() != null
                        ? o.push().ledger().invitationId() : o.sms().ledger().invitationId())
                .distinct().toList();
        core.delivered(campaignId, complete);
    }

    private void report(List<? extends Outgoing> items) {
        String kind = "campaign/" + campaignId + "/";
        List<UUID> byMail = items.stream().map(Outgoing::email).filter(Objects::nonNull)
                .map(m -> m.invitationId()).toList();
        List<UUID> byPush = items.stream().map(Outgoing::push).filter(Objects::nonNull)
                .map(p -> p.ledger().invitationId()).toList();
        Set<UUID> reached = new LinkedHashSet<>(deliveries.handedOver(kind + "email", byMail));
        reached.addAll(deliveries.handedOver(kind + ReminderActivities.PUSH, byPush));
        reached.addAll(deliveries.handedOver(kind + ReminderActivities.SMS, items.stream().map(Outgoing::sms)
                .filter(Objects::nonNull).map(s -> s.ledger().invitationId()).toList()));
        core.delivered(campaignId, List.copyOf(reached));
    }
}
