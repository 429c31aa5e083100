package io.inviteflow.streaming.functions;

import io.inviteflow.streaming.records.EngagementDelta;
import io.inviteflow.streaming.records.EventEngagementRow;
import org.junit.jupiter.api.Test;

import static io.inviteflow.streaming.TestActivities.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

class EventTotalsFunctionTest {

    @Test
    void addsTheDeltaCountsTheChangeAndKeepsTheNewestEventTime() {
        EventEngagementRow row = EventEngagementRow.empty(EVENT);
        row = EventTotalsFunction.add(row, new EngagementDelta(EVENT, 1, 1, 1, 0, 0, 3, 5_000_999));
        row = EventTotalsFunction.add(row, new EngagementDelta(EVENT, 0, 0, -1, 1, 0, -3, 4_000_000));

        assertThat(row).isEqualTo(new EventEngagementRow(EVENT, 1, 1, 0, 1, 0, 0, 2, 5_000));
    }
}
