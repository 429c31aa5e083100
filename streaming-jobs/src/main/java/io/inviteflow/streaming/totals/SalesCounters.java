package io.inviteflow.streaming.totals;

import io.inviteflow.streaming.records.ActivityEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of orders and tickets, as pure functions in the manner of
 * {@link InvitationCounters}: facts learnt from activities (in any order), contributions derived from the facts.
 */
public final class SalesCounters {

    private SalesCounters() {
    }

    public static void learn(OrderFacts f, ActivityEvent a) {
        var d = a.details();
        switch (a.type()) {
            case ORDER_PLACED -> {
                f.placed = true;
                f.currency = d.currency();
                f.totalMinor = d.amountMinor();
                f.discountCode = d.discountCode();
                f.lineTiers = d.lineTiers();
                f.lineAmounts = d.lineAmounts();
            }
            case ORDER_PAID -> f.paid = true;
            default -> {
            }
        }
    }

    /** A paid order counts once its lines are known (a payment read before its order waits for it). */
    public static Map<CounterId, Long> contributions(OrderFacts f, String eventId) {
        Map<CounterId, Long> c = new LinkedHashMap<>();
        if (!f.placed) {
            return c;
        }
        c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.ORDERS_PLACED), 1L);
        if (f.paid) {
            c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.ORDERS_PAID), 1L);
            c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.REVENUE_MINOR, f.currency), f.totalMinor);
            if (f.discountCode != null) {
                c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.DISCOUNT_USES, f.discountCode), 1L);
            }
            for (int i = 0; i < f.lineTiers.length; i++) {
                c.merge(CounterId.of(Metrics.EVENT, eventId, Metrics.REVENUE_BY_TIER, f.lineTiers[i] + '|' + f.currency),
                        f.lineAmounts[i], Long::sum);
            }
        }
        return c;
    }

    /** Each refund and each declined payment is its own activity; counted once per eventId. */
    public static Map<CounterId, Long> occurrences(ActivityEvent a) {
        Map<CounterId, Long> c = new LinkedHashMap<>();
        String event = a.partyEventId();
        switch (a.type()) {
            case ORDER_REFUNDED -> {
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.REFUNDS, a.details().currency()), 1L);
                c.put(CounterId.of(Metrics.EVENT, event, Metrics.REFUNDED_MINOR, a.details().currency()),
                        a.details().amountMinor());
            }
            case ORDER_PAYMENT_FAILED -> c.put(CounterId.of(Metrics.EVENT, event, Metrics.PAYMENT_FAILURES), 1L);
            default -> {
            }
        }
        return c;
    }

    public static void learn(TicketFacts f, ActivityEvent a) {
        switch (a.type()) {
            case TICKET_ISSUED -> f.issued = true;
            case TICKET_CHECKED_IN -> f.checkedIn = true;
            default -> {
            }
        }
        if (f.tierId == null) {
            f.tierId = a.details().tierId();
        }
    }

    public static Map<CounterId, Long> contributions(TicketFacts f, String eventId) {
        Map<CounterId, Long> c = new LinkedHashMap<>();
        if (f.issued) {
            c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.TICKETS, f.tierId), 1L);
            if (f.checkedIn) {
                c.put(CounterId.of(Metrics.EVENT, eventId, Metrics.CHECKED_IN, f.tierId), 1L);
            }
        }
        return c;
    }
}
