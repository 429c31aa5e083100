package io.inviteflow.streaming.spikes;

import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.state.KeyText;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.inviteflow.streaming.TestActivities.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The detector in a real keyed operator: event-time timers fired by watermarks, warm-up, lateness, restore. */
class OpensSpikeDetectorHarnessTest {

    private static final long M0 = 1_700_000_040_000L; // the start of a minute
    private static final long MINUTE = 60_000;
    private KeyedOneInputStreamOperatorTestHarness<String, CountedOpen, OpensSpikeAlert> harness;

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
    void aMinuteFarAboveTheUsualRateIsASpikeOnceTheWatermarkHasPassedIt() throws Exception {
        for (int m = 0; m < 12; m++) {
            opens(EVENT, m, 2);
        }
        harness.processWatermark(M0 + 12 * MINUTE - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        opens(EVENT, 12, 30);
        opens("other-event", 12, 30); // the other event has no history: still warming up
        harness.processWatermark(M0 + 13 * MINUTE - 2);
        assertThat(harness.extractOutputValues()).as("the minute is not over for the watermark yet").isEmpty();

        harness.processWatermark(M0 + 13 * MINUTE - 1);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(alert -> {
            assertThat(alert.partyEventId()).isEqualTo(EVENT);
            assertThat(alert.minuteStartMs()).isEqualTo(M0 + 12 * MINUTE);
            assertThat(alert.opens()).isEqualTo(30);
            assertThat(alert.usualPerMinute()).isBetween(1.0, 2.0); // an average still rising towards 2
        });
    }

    @Test
    void quietMinutesLowerTheUsualRateAndFewOpensAreNeverASpike() throws Exception {
        for (int m = 0; m < 11; m++) {
            opens(EVENT, m, 10);
        }
        opens(EVENT, 40, 19); // after 29 quiet minutes: far above the decayed average, but under 20 opens
        opens(EVENT, 41, 25);
        harness.processWatermark(M0 + 42 * MINUTE);

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(alert -> assertThat(alert.minuteStartMs()).isEqualTo(M0 + 41 * MINUTE));
    }

    @Test
    void opensOfAMinuteAlreadyJudgedAreLeftOutAndStateSurvivesARestore() throws Exception {
        for (int m = 0; m < 11; m++) {
            opens(EVENT, m, 2);
        }
        harness.processWatermark(M0 + 11 * MINUTE);
        opens(EVENT, 3, 50); // minute 3 was judged long ago

        OperatorSubtaskState snapshot = harness.snapshot(1L, M0);
        harness.close();
        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        opens(EVENT, 11, 25);
        harness.processWatermark(M0 + 12 * MINUTE);

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(alert -> assertThat(alert.minuteStartMs()).isEqualTo(M0 + 11 * MINUTE));
    }

    private void opens(String event, int minute, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            long at = M0 + minute * MINUTE + i * 100L;
            harness.processElement(new CountedOpen(event, at), at);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CountedOpen, OpensSpikeAlert> newHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new OpensSpikeDetector(SpikeRule.DEFAULT)), new Keys.PartyEvent(),
                KeyText.TYPE);
    }
}
