package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.InvitationState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.inviteflow.contract.Payloads.Rsvp.MAYBE;
import static io.inviteflow.contract.Payloads.Rsvp.NO;
import static io.inviteflow.contract.Payloads.Rsvp.YES;
import static io.inviteflow.streaming.TestActivities.EVENT;
import static io.inviteflow.streaming.TestActivities.T0;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.created;
import static io.inviteflow.streaming.TestActivities.opened;
import static io.inviteflow.streaming.TestActivities.reminder;
import static org.assertj.core.api.Assertions.assertThat;

class InvitationTransitionsTest {

    private InvitationState state;
    private final List<EngagementDelta> deltas = new ArrayList<>();

    private void apply(ActivityEvent a) {
        InvitationTransitions.Transition t = InvitationTransitions.apply(state, a);
        state = t.state();
        if (t.delta() != null) {
            deltas.add(t.delta());
        }
    }

    @Test
    void createOpenAnswerEachMoveOneFigure() {
        apply(created("i", T0));
        apply(opened("i", T0 + 1));
        apply(answered("i", T0 + 2, YES, 2, 1));

        assertThat(deltas).containsExactly(
                new EngagementDelta(EVENT, 1, 0, 0, 0, 0, 0, T0),
                new EngagementDelta(EVENT, 0, 1, 0, 0, 0, 0, T0 + 1),
                new EngagementDelta(EVENT, 0, 0, 1, 0, 0, 3, T0 + 2));
    }

    @Test
    void duplicatesReopensAndRemindersChangeNothing() {
        ActivityEvent create = created("i", T0);
        ActivityEvent open = opened("i", T0 + 1);
        ActivityEvent answer = answered("i", T0 + 2, NO, 0, 4);
        for (ActivityEvent a : List.of(create, open, answer, create, open, answer, opened("i", T0 + 3),
                reminder("i", T0 + 4), created("i", T0 + 5))) {
            apply(a);
        }

        assertThat(deltas).hasSize(3);
        assertThat(state).isEqualTo(new InvitationState(true, true, NO, 0, 4));
    }

    @Test
    void aChangedAnswerMovesTheInvitationBetweenBuckets() {
        apply(answered("i", T0, YES, 1, 1));
        apply(answered("i", T0 + 1, MAYBE, 0, 2));

        assertThat(deltas).last().isEqualTo(new EngagementDelta(EVENT, 0, 0, -1, 0, 1, -2, T0 + 1));
    }

    @Test
    void theHighestAnswerVersionWinsWhateverTheArrivalOrder() {
        apply(answered("i", T0 + 2, YES, 3, 2)); // the newer answer arrives first
        apply(answered("i", T0 + 1, NO, 0, 1));  // the older one is stale: ignored

        assertThat(state.response()).isEqualTo(YES);
        assertThat(deltas).containsExactly(new EngagementDelta(EVENT, 0, 0, 1, 0, 0, 4, T0 + 2));
    }

    @Test
    void aNewerVersionOfTheSameAnswerMovesNothingButIsRemembered() {
        apply(answered("i", T0, YES, 1, 1));
        apply(answered("i", T0 + 1, YES, 1, 5));
        apply(answered("i", T0 + 2, NO, 0, 3)); // older than version 5

        assertThat(deltas).hasSize(1);
        assertThat(state.answerVersion()).isEqualTo(5);
    }

    @Test
    void moreGuestsOnAYesChangeOnlyTheHeadcount() {
        apply(answered("i", T0, YES, 0, 1));
        apply(answered("i", T0 + 1, YES, 2, 2));

        assertThat(deltas).last().isEqualTo(new EngagementDelta(EVENT, 0, 0, 0, 0, 0, 2, T0 + 1));
    }
}
