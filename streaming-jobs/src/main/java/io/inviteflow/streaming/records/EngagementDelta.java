package io.inviteflow.streaming.records;

/**
 * A change of one party event's figures caused by one activity of one invitation (signed: a changed answer moves one
 * invitation from one bucket to another).
 *
 * @param occurredAtMs event time of the activity that caused the change
 */
public record EngagementDelta(String partyEventId, long invited, long opened, long yes, long no, long maybe,
                              long headcount, long occurredAtMs) {

    public boolean isZero() {
        return invited == 0 && opened == 0 && yes == 0 && no == 0 && maybe == 0 && headcount == 0;
    }
}
