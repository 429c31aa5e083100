package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.EngagementMinuteRow;
import io.inviteflow.streaming.records.MinuteCounts;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Only attaches the party event and the minute to the counts of {@link MinuteCountAggregate}. */
public class MinuteWindowFunction extends ProcessWindowFunction<MinuteCounts, EngagementMinuteRow, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String partyEventId, Context context, Iterable<MinuteCounts> counts,
                        Collector<EngagementMinuteRow> out) {
        MinuteCounts c = counts.iterator().next(); // an incremental aggregate hands over exactly one result
        out.collect(new EngagementMinuteRow(partyEventId, context.window().getStart() / 1000,
                c.opens(), c.answers(), c.opens() + c.answers()));
    }
}
