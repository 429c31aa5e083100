package io.inviteflow.streaming;

import io.inviteflow.streaming.functions.Keys;
import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.inviteflow.contract.Payloads.Rsvp.YES;
import static io.inviteflow.streaming.TestActivities.EVENT;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.opened;
import static org.assertj.core.api.Assertions.assertThat;

/** The job's own minute-window operator (taken from {@link EngagementJob#perMinute}) driven by watermarks. */
class MinuteWindowHarnessTest {

    private static final long M0 = 1_700_000_040_000L; // a minute start
    private static final long M0_SECONDS = M0 / 1000;
    private KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, EngagementMinuteRow> harness;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<ActivityEvent> in = env.fromData(TypeInformation.of(ActivityEvent.class), opened("x", M0));
        SingleOutputStreamOperator<EngagementMinuteRow> windows = EngagementJob.perMinute(in, Duration.ofMinutes(1));
        OneInputTransformation<ActivityEvent, EngagementMinuteRow> window =
                (OneInputTransformation<ActivityEvent, EngagementMinuteRow>) windows.getTransformation();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(window.getOperatorFactory(), new Keys.PartyEvent(),
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aMinuteIsEmittedOnceTheWatermarkPassesItsEnd() throws Exception {
        ActivityEvent open = opened("a", M0 + 1_000);
        process(open, open, opened("b", M0 + 30_000), answered("a", M0 + 59_999, YES, 0, 1),
                opened("c", M0 + 61_000));
        harness.processWatermark(new Watermark(M0 + 59_998));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(new Watermark(M0 + 59_999));

        assertThat(harness.extractOutputValues()).containsExactly(new EngagementMinuteRow(EVENT, M0_SECONDS, 2, 1, 3));
    }

    @Test
    void aLateActivityWithinTheAllowedLatenessReEmitsTheMinuteWithAHigherVersion() throws Exception {
        process(opened("a", M0 + 1_000));
        harness.processWatermark(new Watermark(M0 + 70_000));
        process(answered("a", M0 + 2_000, YES, 0, 1));

        assertThat(harness.extractOutputValues()).containsExactly(
                new EngagementMinuteRow(EVENT, M0_SECONDS, 1, 0, 1),
                new EngagementMinuteRow(EVENT, M0_SECONDS, 1, 1, 2));
        assertThat(harness.getSideOutput(EngagementJob.LATE_ACTIVITIES)).isNull();
    }

    @Test
    void anActivityPastTheAllowedLatenessGoesToTheLateSideOutput() throws Exception {
        process(opened("a", M0 + 1_000));
        harness.processWatermark(new Watermark(M0 + 60_000 + 60_000));
        ActivityEvent tooLate = opened("b", M0 + 2_000);
        process(tooLate);

        assertThat(harness.extractOutputValues()).containsExactly(new EngagementMinuteRow(EVENT, M0_SECONDS, 1, 0, 1));
        assertThat(harness.getSideOutput(EngagementJob.LATE_ACTIVITIES))
                .extracting(StreamRecord::getValue).containsExactly(tooLate);
    }

    private void process(ActivityEvent... activities) throws Exception {
        for (ActivityEvent a : activities) {
            harness.processElement(a, a.occurredAtMs());
        }
    }
}
