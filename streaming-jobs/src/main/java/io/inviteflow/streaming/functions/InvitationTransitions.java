package io.inviteflow.streaming.functions;

import io.inviteflow.contract.Payloads;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.InvitationState;

/**
 * The rules of one invitation, as a pure function: given what is known and one activity, the new state and the change
 * of the event's figures (if any). Idempotent by construction: a redelivered activity (same eventId) or a re-open
 * finds the state already there and changes nothing, so no set of seen eventIds has to be kept.
 */
public final class InvitationTransitions {

    private InvitationTransitions() {
    }

    /** The result of one activity: {@code delta} is {@code null} when no figure changes. */
    public record Transition(InvitationState state, EngagementDelta delta) {
    }

    public static Transition apply(InvitationState state, ActivityEvent activity) {
        InvitationState s = state == null ? InvitationState.EMPTY : state;
        return switch (activity.type()) {
            case INVITATION_CREATED -> s.created() ? unchanged(s)
                    : new Transition(new InvitationState(true, s.opened(), s.response(), s.plusOnes(), s.answerVersion()),
                    delta(activity, 1, 0, null, 0, null, 0));
            case INVITATION_OPENED -> s.opened() ? unchanged(s)
                    : new Transition(new InvitationState(s.created(), true, s.response(), s.plusOnes(), s.answerVersion()),
                    delta(activity, 0, 1, null, 0, null, 0));
            case RSVP_ANSWERED -> answer(s, activity);
            default -> unchanged(s); // reminders and future types do not change engagement figures
        };
    }

    /**
     * The answer with the highest {@code answerVersion} wins, whatever the arrival order. An equal version is taken as
     * a redelivery: the first one seen stays (a known limit if a producer ever reuses a version for another answer).
     */
    private static Transition answer(InvitationState s, ActivityEvent a) {
        if (s.answered() && a.answerVersion() <= s.answerVersion()) {
            return unchanged(s);
        }
        InvitationState next = new InvitationState(s.created(), s.opened(), a.response(), a.plusOnes(), a.answerVersion());
        EngagementDelta d = delta(a, 0, 0, s.response(), s.plusOnes(), a.response(), a.plusOnes());
        return new Transition(next, d.isZero() ? null : d); // same answer again at a higher version: nothing to show
    }

    private static Transition unchanged(InvitationState s) {
        return new Transition(s, null);
    }

    private static EngagementDelta delta(ActivityEvent a, long invited, long opened,
                                         Payloads.Rsvp oldResponse, int oldPlusOnes,
                                         Payloads.Rsvp newResponse, int newPlusOnes) {
        long yes = count(newResponse, Payloads.Rsvp.YES) - count(oldResponse, Payloads.Rsvp.YES);
        long no = count(newResponse, Payloads.Rsvp.NO) - count(oldResponse, Payloads.Rsvp.NO);
        long maybe = count(newResponse, Payloads.Rsvp.MAYBE) - count(oldResponse, Payloads.Rsvp.MAYBE);
        long headcount = headcount(newResponse, newPlusOnes) - headcount(oldResponse, oldPlusOnes);
        return new EngagementDelta(a.partyEventId(), invited, opened, yes, no, maybe, headcount, a.occurredAtMs());
    }

    private static long count(Payloads.Rsvp response, Payloads.Rsvp bucket) {
        return response == bucket ? 1 : 0;
    }

    private static long headcount(Payloads.Rsvp response, int plusOnes) {
        return response == Payloads.Rsvp.YES ? 1L + plusOnes : 0;
    }
}
