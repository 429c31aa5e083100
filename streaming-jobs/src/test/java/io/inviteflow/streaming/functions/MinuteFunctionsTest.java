package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.ActivityEvent;
import io.inviteflow.streaming.records.EngagementMinuteRow;
import io.inviteflow.streaming.records.MinuteAccumulator;
import io.inviteflow.streaming.records.MinuteCounts;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.inviteflow.contract.Payloads.Rsvp.YES;
import static io.inviteflow.streaming.TestActivities.T0;
import static io.inviteflow.streaming.TestActivities.answered;
import static io.inviteflow.streaming.TestActivities.opened;
import static org.assertj.core.api.Assertions.assertThat;

class MinuteFunctionsTest {

    private final MinuteCountAggregate aggregate = new MinuteCountAggregate();

    @Test
    void countsOpensAndAnswersEachEventIdOnce() {
        ActivityEvent open = opened("i", T0);
        MinuteAccumulator acc = aggregate.createAccumulator();
        for (ActivityEvent a : List.of(open, open, opened("i", T0 + 1), answered("i", T0 + 2, YES, 0, 1))) {
            acc = aggregate.add(a, acc);
        }

        assertThat(aggregate.getResult(acc)).isEqualTo(new MinuteCounts(2, 1));
    }

    @Test
    void mergeKeepsEachEventIdOnce() {
        ActivityEvent open = opened("i", T0);
        MinuteAccumulator a = aggregate.add(open, aggregate.createAccumulator());
        MinuteAccumulator b = aggregate.add(answered("i", T0, YES, 0, 1), aggregate.add(open, aggregate.createAccumulator()));

        assertThat(aggregate.getResult(aggregate.merge(a, b))).isEqualTo(new MinuteCounts(1, 1));
    }

    @Test
    void theWindowFunctionAttachesEventAndMinuteStartInSeconds() throws Exception {
        List<EngagementMinuteRow> out = new ArrayList<>();
        MinuteWindowFunction function = new MinuteWindowFunction();
        TimeWindow window = new TimeWindow(60_000, 120_000);
        ProcessWindowFunctionContexts.process(function, "party", window, new MinuteCounts(2, 3), out);

        assertThat(out).containsExactly(new EngagementMinuteRow("party", 60, 2, 3, 5));
    }

    /** Calls a ProcessWindowFunction directly with a minimal context. */
    static final class ProcessWindowFunctionContexts {
        static void process(MinuteWindowFunction f, String key, TimeWindow window, MinuteCounts counts,
                            List<EngagementMinuteRow> out) throws Exception {
            MinuteWindowFunction.Context context = f.new Context() {
                @Override
                public TimeWindow window() {
                    return window;
                }

                @Override
                public long currentProcessingTime() {
                    return 0;
                }

                @Override
                public long currentWatermark() {
                    return window.maxTimestamp();
                }

                @Override
                public org.apache.flink.api.common.state.KeyedStateStore windowState() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public org.apache.flink.api.common.state.KeyedStateStore globalState() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public <X> void output(org.apache.flink.util.OutputTag<X> outputTag, X value) {
                    throw new UnsupportedOperationException();
                }
            };
            f.process(key, context, List.of(counts), new Collector<>() {
                @Override
                public void collect(EngagementMinuteRow record) {
                    out.add(record);
                }

                @Override
                public void close() {
                }
            });
        }
    }
}
