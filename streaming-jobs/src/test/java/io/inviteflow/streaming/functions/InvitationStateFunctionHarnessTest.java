package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementDelta;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.inviteflow.contract.Payloads.Rsvp.NO;
import static io.inviteflow.contract.Payloads.Rsvp.YES;
import static io.inviteflow.streaming.TestActivities.EVENT;
import static io.inviteflow.streaming.TestActivities.T0;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.created;
import static io.inviteflow.streaming.TestActivities.opened;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-invitation state in a real keyed operator: state per key, duplicates, order, snapshot and restore. */
class InvitationStateFunctionHarnessTest {

    private KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, EngagementDelta> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void duplicatesAndReopensEmitNothingAndStateIsPerInvitation() throws Exception {
        ActivityEvent createA = created("a", T0);
        ActivityEvent openA = opened("a", T0 + 1);
        process(createA, openA, createA, openA, opened("a", T0 + 2), created("b", T0 + 3), opened("b", T0 + 4));

        assertThat(harness.extractOutputValues()).containsExactly(
                new EngagementDelta(EVENT, 1, 0, 0, 0, 0, 0, T0),
                new EngagementDelta(EVENT, 0, 1, 0, 0, 0, 0, T0 + 1),
                new EngagementDelta(EVENT, 1, 0, 0, 0, 0, 0, T0 + 3),
                new EngagementDelta(EVENT, 0, 1, 0, 0, 0, 0, T0 + 4));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void outOfOrderAnswersEndOnTheHighestVersion() throws Exception {
        process(answered("a", T0 + 3, YES, 1, 3), answered("a", T0 + 1, NO, 0, 1), answered("a", T0 + 2, NO, 0, 2),
                answered("a", T0 + 4, NO, 0, 4));

        assertThat(harness.extractOutputValues()).containsExactly(
                new EngagementDelta(EVENT, 0, 0, 1, 0, 0, 2, T0 + 3),
                new EngagementDelta(EVENT, 0, 0, -1, 1, 0, -2, T0 + 4));
    }

    @Test
    void aRestoredOperatorRemembersWhatItSawBeforeTheCheckpoint() throws Exception {
        ActivityEvent answer = answered("a", T0, YES, 0, 1);
        process(created("a", T0), answer);
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();

        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        process(created("a", T0), answer, answered("a", T0 + 1, NO, 0, 2)); // replayed after the checkpoint, then new

        assertThat(harness.extractOutputValues())
                .containsExactly(new EngagementDelta(EVENT, 0, 0, -1, 1, 0, -1, T0 + 1));
    }

    private void process(ActivityEvent... activities) throws Exception {
        for (ActivityEvent a : activities) {
            harness.processElement(a, a.occurredAtMs());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, EngagementDelta> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new InvitationStateFunction()), new Keys.Invitation(), Types.STRING);
    }
}
