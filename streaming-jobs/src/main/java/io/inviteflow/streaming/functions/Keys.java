package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.totals.CounterDelta;
import io.inviteflow.streaming.records.EngagementDelta;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of the job, as named classes so their key type is explicit. */
public final class Keys {

    private Keys() {
    }

    /** An activity's invitation (aggregateId). */
    public static final class Invitation implements KeySelector<ActivityEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ActivityEvent activity) {
            return activity.aggregateId();
        }
    }

    /** An activity's aggregate (invitation, order, ticket, campaign). */
    public static final class Aggregate implements KeySelector<ActivityEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ActivityEvent activity) {
            return activity.aggregateId();
        }
    }

    /** A counter delta's counter. */
    public static final class DeltaCounter implements KeySelector<CounterDelta, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(CounterDelta delta) {
            return delta.key();
        }
    }

    /** An activity's party event. */
    public static final class PartyEvent implements KeySelector<ActivityEvent, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ActivityEvent activity) {
            return activity.partyEventId();
        }
    }

    /** A delta's party event. */
    public static final class DeltaPartyEvent implements KeySelector<EngagementDelta, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(EngagementDelta delta) {
            return delta.partyEventId();
        }
    }
}
