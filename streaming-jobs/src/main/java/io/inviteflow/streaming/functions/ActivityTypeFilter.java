package io.inviteflow.streaming.functions;

import io.inviteflow.contract.ActivityType;
import io.inviteflow.streaming.records.ActivityEvent;
import org.apache.flink.api.common.functions.FilterFunction;

import java.util.EnumSet;
import java.util.Set;

/** Lets through only the given activity types. */
public class ActivityTypeFilter implements FilterFunction<ActivityEvent> {

    private static final long serialVersionUID = 1L;
    private final EnumSet<ActivityType> accepted;

    public ActivityTypeFilter(Set<ActivityType> accepted) {
        this.accepted = EnumSet.copyOf(accepted);
    }

    /** Activities that change the engagement totals. */
    public static ActivityTypeFilter engagement() {
        return new ActivityTypeFilter(EnumSet.of(ActivityType.INVITATION_CREATED, ActivityType.INVITATION_OPENED,
                ActivityType.RSVP_ANSWERED));
    }

    /** Activities charted per minute. */
    public static ActivityTypeFilter opensAndAnswers() {
        return new ActivityTypeFilter(EnumSet.of(ActivityType.INVITATION_OPENED, ActivityType.RSVP_ANSWERED));
    }

    @Override
    public boolean filter(ActivityEvent activity) {
        return accepted.contains(activity.type());
    }
}
