package io.inviteflow.streaming.spikes;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by party event, on event time: counts the event's opens per minute and, once the watermark has passed a
 * minute's end (an event-time timer), judges it against the event's usual rate ({@link SpikeRule}); a spike is emitted
 * as an {@link OpensSpikeAlert}. Opens of a minute already judged are too late for the detector (they are still in the
 * totals) and counted in the metric {@value #TOO_LATE_METRIC}.
 */
public class OpensSpikeDetector extends KeyedProcessFunction<String, CountedOpen, OpensSpikeAlert> {

    public static final String TOO_LATE_METRIC = "opensTooLateForSpikeDetection";
    private static final long MINUTE_MS = 60_000;
    private static final long serialVersionUID = 1L;

    private final SpikeRule rule;
    private transient MapState<Long, Long> opensByMinute;
    private transient ValueState<SpikeBaseline> baseline;
    private transient Counter tooLate;

    public OpensSpikeDetector(SpikeRule rule) {
        this.rule = rule;
    }

    @Override
    public void open(OpenContext openContext) {
        opensByMinute = getRuntimeContext().getMapState(new MapStateDescriptor<>("opens-by-minute", Types.LONG,
                Types.LONG));
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("baseline", SpikeBaseline.class));
        tooLate = getRuntimeContext().getMetricGroup().counter(TOO_LATE_METRIC);
    }

    @Override
    public void processElement(CountedOpen open, Context ctx, Collector<OpensSpikeAlert> out) throws Exception {
        long minute = Math.floorDiv(open.occurredAtMs(), MINUTE_MS) * MINUTE_MS;
        SpikeBaseline b = baseline.value();
        if (b != null && minute <= b.lastClosedMinuteMs) {
            tooLate.inc();
            return;
        }
        Long seen = opensByMinute.get(minute);
        opensByMinute.put(minute, seen == null ? 1 : seen + 1);
        if (seen == null) {
            ctx.timerService().registerEventTimeTimer(minute + MINUTE_MS - 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OpensSpikeAlert> out) throws Exception {
        long minute = timestamp + 1 - MINUTE_MS;
        Long opens = opensByMinute.get(minute);
        opensByMinute.remove(minute);
        SpikeBaseline b = baseline.value();
        if (b == null) {
            b = new SpikeBaseline();
            b.firstMinuteMs = minute;
            b.lastClosedMinuteMs = minute - MINUTE_MS;
        }
        long count = opens == null ? 0 : opens;
        long quietMinutes = Math.max(0, (minute - b.lastClosedMinuteMs) / MINUTE_MS - 1);
        double usualBefore = b.usualPerMinute * Math.pow(1 - rule.alpha(), quietMinutes);
        if (rule.isSpike(count, usualBefore, (minute - b.firstMinuteMs) / MINUTE_MS)) {
            out.collect(new OpensSpikeAlert(ctx.getCurrentKey(), minute, count, usualBefore));
        }
        b.usualPerMinute = rule.nextUsual(b.usualPerMinute, quietMinutes, count);
        b.lastClosedMinuteMs = minute;
        baseline.update(b);
    }
}
