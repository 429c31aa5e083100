package io.inviteflow.streaming.totals;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCombinerTest {

    private OneInputStreamOperatorTestHarness<CounterChanges, CounterChanges> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ChangeCombiner(100, 4));
        harness.setProcessingTime(1_000);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void changesOfAScopeAreAddedUpWithTheirCountsUntilTheIntervalHasPassed() throws Exception {
        send(change("e1", 10, "opened|", 1), change("e1", 30, "opened|", 1), change("e2", 20, "yes|", 1),
                change("e1", 25, "yes|", 1), change("e1", 26, "yes|", -1));
        harness.setProcessingTime(1_099);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(1_100);

        List<CounterChanges> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).scopeId()).isEqualTo("e1");
        assertThat(out.get(0).names()).containsExactly("opened|", "yes|");
        assertThat(out.get(0).amounts()).containsExactly(2, 0); // cancelled out, but two changes all the same
        assertThat(out.get(0).counts()).containsExactly(2, 2);
        assertThat(out.get(0).occurredAtMs()).as("each counter's own newest time").containsExactly(30, 26);
        assertThat(out.get(1).scopeId()).isEqualTo("e2");
    }

    @Test
    void sendsAtOnceWhenManyCountersArePendingAndBeforeACheckpointBarrier() throws Exception {
        send(change("e1", 1, "a|", 1), change("e1", 1, "b|", 1), change("e1", 1, "c|", 1));
        assertThat(harness.extractOutputValues()).isEmpty();
        send(change("e1", 1, "d|", 1));
        assertThat(harness.extractOutputValues()).hasSize(1); // four counters pending: the maximum

        send(change("e1", 1, "a|", 1));
        harness.prepareSnapshotPreBarrier(1);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    private void send(CounterChanges... changes) throws Exception {
        for (CounterChanges c : changes) {
            harness.processElement(new StreamRecord<>(c));
        }
    }

    private static CounterChanges change(String event, long at, String name, long amount) {
        return new CounterChanges(Metrics.EVENT, event, new String[]{name}, new long[]{amount}, new long[]{1},
                new long[]{at});
    }
}
