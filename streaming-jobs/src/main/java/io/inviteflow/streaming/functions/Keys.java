package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.spikes.CountedOpen;
import io.inviteflow.streaming.totals.CounterChanges;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of the job, as named classes so their key type is explicit. */
public final class Keys {

    private Keys() {
    }

    /** An activity's aggregate (invitation, order, ticket, campaign). */
    public static final class Aggregate implements KeySelector<ActivityEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ActivityEvent activity) {
            return activity.aggregateId();
        }
    }

    /** The scope (event, campaign, organizer) of a set of counter changes. */
    public static final class Scope implements KeySelector<CounterChanges, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(CounterChanges changes) {
            return changes.scopeKey();
        }
    }

    /** An open's party event. */
    public static final class PartyEvent implements KeySelector<CountedOpen, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(CountedOpen open) {
            return open.partyEventId();
        }
    }
}
