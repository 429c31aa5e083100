package io.inviteflow.streaming.totals;

/**
 * Changes of the counters of one scope (an event, a campaign, an organizer): those of one activity, or of many once
 * {@link ChangeCombiner} has added them up. One record per scope, so the counters' operator looks up each scope's
 * state once.
 *
 * @param names        {@code metric|dimension} of each changed counter ({@code metric|} without a dimension)
 * @param amounts      the change of each, same order (signed: a changed answer moves an invitation between buckets;
 *                     0 when combined changes cancel out)
 * @param counts       how many single changes each amount adds up: the counter's version grows by it, so its final
 *                     version is the number of all its changes however they were combined
 * @param occurredAtMs for each, the event time of the newest activity among its changes (per counter: how changes
 *                     were combined must not move a counter's {@code updated_at})
 */
public record CounterChanges(String scope, String scopeId, String[] names, long[] amounts, long[] counts,
                             long[] occurredAtMs) {

    /** The key of the scope's state: scope and id never contain '|'. */
    public String scopeKey() {
        return scope + '|' + scopeId;
    }
}
