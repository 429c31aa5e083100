package io.inviteflow.streaming.totals;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.spikes.CountedOpen;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Keyed by aggregate (invitation, order, ticket, campaign): keeps the aggregate's facts and emits, per scope, the
 * changes of every counter they move — the difference of the facts' contributions before and after the activity —
 * plus the activity's own occurrences. Deterministic per aggregate, so every counter's sequence of changes is the same
 * in every run.
 * <p>
 * Also sends each open counted (redeliveries left out) to {@link #OPENS}, for the spike detector, and counts
 * activities that arrive behind the watermark in the metric {@value #LATE_METRIC}: they are counted like any other
 * (per-minute figures are keyed by event time, not windows, so nothing is too late for them), the metric only shows how
 * late producers are.
 */
public class AggregateCountersFunction extends KeyedProcessFunction<String, ActivityEvent, CounterChanges> {

    public static final OutputTag<CountedOpen> OPENS = new OutputTag<>("counted-opens",
            TypeInformation.of(CountedOpen.class));
    public static final String LATE_METRIC = "activitiesBehindWatermark";
    private static final long serialVersionUID = 1L;
    private transient ValueState<InvitationFacts> invitations;
    private transient ValueState<OrderFacts> orders;
    private transient ValueState<TicketFacts> tickets;
    private transient ValueState<CampaignFacts> campaigns;
    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        invitations = getRuntimeContext().getState(new ValueStateDescriptor<>("invitation",
                new InvitationFactsSerializer()));
        orders = getRuntimeContext().getState(new ValueStateDescriptor<>("order", OrderFacts.class));
        tickets = getRuntimeContext().getState(new ValueStateDescriptor<>("ticket", TicketFacts.class));
        campaigns = getRuntimeContext().getState(new ValueStateDescriptor<>("campaign", CampaignFacts.class));
        late = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
    }

    @Override
    public void processElement(ActivityEvent a, Context ctx, Collector<CounterChanges> out) throws Exception {
        if (a.occurredAtMs() < ctx.timerService().currentWatermark()) {
            late.inc();
        }
        ChangeBundler changes = new ChangeBundler();
        switch (AggregateKind.of(a.type())) {
            case INVITATION -> invitation(a, changes, ctx);
            case ORDER -> order(a, changes);
            case TICKET -> ticket(a, changes);
            case CAMPAIGN -> campaign(a, changes);
            case NONE -> {
            }
        }
        changes.emit(a.occurredAtMs(), out);
    }

    private void invitation(ActivityEvent a, ChangeBundler changes, Context ctx) throws Exception {
        InvitationFacts f = orNew(invitations.value(), InvitationFacts::new);
        if (RecentActivities.contains(f.recent, a.eventId())) {
            return; // a redelivery: its facts are in already, and its occurrences counted
        }
        changeFacts(f, a, a.partyEventId(), InvitationCounters::learn, InvitationCounters::contributions, changes);
        f.recent = countOccurrences(InvitationCounters.occurrences(f, a), f.recent, a, changes);
        invitations.update(f);
        if (a.type() == ActivityType.INVITATION_OPENED) {
            ctx.output(OPENS, new CountedOpen(a.partyEventId(), a.occurredAtMs()));
        }
    }

    private void order(ActivityEvent a, ChangeBundler changes) throws Exception {
        OrderFacts f = orNew(orders.value(), OrderFacts::new);
        if (RecentActivities.contains(f.recent, a.eventId())) {
            return;
        }
        changeFacts(f, a, a.partyEventId(), SalesCounters::learn, SalesCounters::contributions, changes);
        f.recent = countOccurrences(SalesCounters.occurrences(a), f.recent, a, changes);
        orders.update(f);
    }

    private void ticket(ActivityEvent a, ChangeBundler changes) throws Exception {
        TicketFacts f = orNew(tickets.value(), TicketFacts::new);
        changeFacts(f, a, a.partyEventId(), SalesCounters::learn, SalesCounters::contributions, changes);
        tickets.update(f);
    }

    private void campaign(ActivityEvent a, ChangeBundler changes) throws Exception {
        CampaignFacts f = orNew(campaigns.value(), CampaignFacts::new);
        changeFacts(f, a, a.aggregateId(), CampaignCounters::learn, CampaignCounters::contributions, changes);
        campaigns.update(f);
    }

    /** Learns {@code a} into the facts {@code f} and adds the changes of the counters they contribute to. */
    private static <F> void changeFacts(F f, ActivityEvent a, String scopeId, BiConsumer<F, ActivityEvent> learn,
                                        BiFunction<F, String, Map<CounterId, Long>> contributions,
                                        ChangeBundler changes) {
        Map<CounterId, Long> before = contributions.apply(f, scopeId);
        learn.accept(f, a);
        changes.addDifference(before, contributions.apply(f, scopeId));
    }

    /** Adds the activity's own occurrences; the aggregate's recent activities, with this one if it counted any. */
    private static long[] countOccurrences(Map<CounterId, Long> occurrences, long[] recent, ActivityEvent a,
                                           ChangeBundler changes) {
        if (occurrences.isEmpty()) {
            return recent;
        }
        changes.addAll(occurrences);
        return RecentActivities.add(recent, a.eventId());
    }

    private static <T> T orNew(T value, Supplier<T> fresh) {
        return value == null ? fresh.get() : value;
    }
}
