package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.EventEngagementRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTotalsFunctionHarnessTest {

    @Test
    void eachDeltaEmitsTheEventsNewTotalsWithTheNextVersion() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, EngagementDelta, EventEngagementRow> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new EventTotalsFunction(),
                             new Keys.DeltaPartyEvent(), Types.STRING)) {
            harness.processElement(new EngagementDelta("e1", 1, 0, 0, 0, 0, 0, 1_000), 1_000);
            harness.processElement(new EngagementDelta("e2", 1, 0, 0, 0, 0, 0, 2_000), 2_000);
            harness.processElement(new EngagementDelta("e1", 0, 0, 1, 0, 0, 2, 3_000), 3_000);

            assertThat(harness.extractOutputValues()).containsExactly(
                    new EventEngagementRow("e1", 1, 0, 0, 0, 0, 0, 1, 1),
                    new EventEngagementRow("e2", 1, 0, 0, 0, 0, 0, 1, 2),
                    new EventEngagementRow("e1", 1, 0, 1, 0, 0, 2, 2, 3));
        }
    }
}
