package io.inviteflow.streaming.totals;

import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keyed by aggregate (invitation, order, ticket, campaign): keeps the aggregate's facts and emits a
 * {@link CounterDelta} for every counter they change — the difference of the facts' contributions before and after
 * the activity — plus the activity's own occurrences. Deterministic per aggregate, so every counter's sequence of
 * deltas is the same in every run.
 */
public class AggregateCountersFunction extends KeyedProcessFunction<String, ActivityEvent, CounterDelta> {

    private static final long serialVersionUID = 1L;
    private transient ValueState<InvitationFacts> invitations;
    private transient ValueState<OrderFacts> orders;
    private transient ValueState<TicketFacts> tickets;
    private transient ValueState<CampaignFacts> campaigns;

    @Override
    public void open(OpenContext openContext) {
        invitations = getRuntimeContext().getState(new ValueStateDescriptor<>("invitation", InvitationFacts.class));
        orders = getRuntimeContext().getState(new ValueStateDescriptor<>("order", OrderFacts.class));
        tickets = getRuntimeContext().getState(new ValueStateDescriptor<>("ticket", TicketFacts.class));
        campaigns = getRuntimeContext().getState(new ValueStateDescriptor<>("campaign", CampaignFacts.class));
    }

    @Override
    public void processElement(ActivityEvent a, Context ctx, Collector<CounterDelta> out) throws Exception {
        switch (AggregateKind.of(a.type())) {
            case INVITATION -> invitation(a, out);
            case ORDER -> order(a, out);
            case TICKET -> ticket(a, out);
            case CAMPAIGN -> campaign(a, out);
            case NONE -> {
            }
        }
    }

    private void invitation(ActivityEvent a, Collector<CounterDelta> out) throws Exception {
        InvitationFacts f = orNew(invitations.value(), InvitationFacts::new);
        if (RecentActivities.contains(f.recent, a.eventId())) {
            return; // a redelivery: its facts are in already, and its occurrences counted
        }
        Map<Counter, Long> before = InvitationCounters.contributions(f, a.partyEventId());
        InvitationCounters.learn(f, a);
        emitDifference(before, InvitationCounters.contributions(f, a.partyEventId()), a, out);
        Map<Counter, Long> occurrences = InvitationCounters.occurrences(f, a);
        if (!occurrences.isEmpty()) {
            emit(occurrences, a, out);
            f.recent = RecentActivities.add(f.recent, a.eventId());
        }
        invitations.update(f);
    }

    private void order(ActivityEvent a, Collector<CounterDelta> out) throws Exception {
        OrderFacts f = orNew(orders.value(), OrderFacts::new);
        if (RecentActivities.contains(f.recent, a.eventId())) {
            return;
        }
        Map<Counter, Long> before = SalesCounters.contributions(f, a.partyEventId());
        SalesCounters.learn(f, a);
        emitDifference(before, SalesCounters.contributions(f, a.partyEventId()), a, out);
        Map<Counter, Long> occurrences = SalesCounters.occurrences(a);
        if (!occurrences.isEmpty()) {
            emit(occurrences, a, out);
            f.recent = RecentActivities.add(f.recent, a.eventId());
        }
        orders.update(f);
    }

    private void ticket(ActivityEvent a, Collector<CounterDelta> out) throws Exception {
        TicketFacts f = orNew(tickets.value(), TicketFacts::new);
        Map<Counter, Long> before = SalesCounters.contributions(f, a.partyEventId());
        SalesCounters.learn(f, a);
        emitDifference(before, SalesCounters.contributions(f, a.partyEventId()), a, out);
        tickets.update(f);
    }

    private void campaign(ActivityEvent a, Collector<CounterDelta> out) throws Exception {
        CampaignFacts f = orNew(campaigns.value(), CampaignFacts::new);
        Map<Counter, Long> before = SalesCounters.contributions(f, a.aggregateId());
        SalesCounters.learn(f, a);
        emitDifference(before, SalesCounters.contributions(f, a.aggregateId()), a, out);
        campaigns.update(f);
    }

    /** Deltas for the counters whose contribution changed, in a fixed order (before's keys, then new ones). */
    static void emitDifference(Map<Counter, Long> before, Map<Counter, Long> after, ActivityEvent a,
                               Collector<CounterDelta> out) {
        Set<Counter> seen = new HashSet<>();
        for (Map.Entry<Counter, Long> e : before.entrySet()) {
            seen.add(e.getKey());
            long change = after.getOrDefault(e.getKey(), 0L) - e.getValue();
            if (change != 0) {
                out.collect(CounterDelta.of(e.getKey(), change, a.occurredAtMs()));
            }
        }
        for (Map.Entry<Counter, Long> e : after.entrySet()) {
            if (!seen.contains(e.getKey()) && e.getValue() != 0) {
                out.collect(CounterDelta.of(e.getKey(), e.getValue(), a.occurredAtMs()));
            }
        }
    }

    private static void emit(Map<Counter, Long> counts, ActivityEvent a, Collector<CounterDelta> out) {
        counts.forEach((counter, amount) -> out.collect(CounterDelta.of(counter, amount, a.occurredAtMs())));
    }

    private static <T> T orNew(T value, java.util.function.Supplier<T> fresh) {
        return value == null ? fresh.get() : value;
    }
}
