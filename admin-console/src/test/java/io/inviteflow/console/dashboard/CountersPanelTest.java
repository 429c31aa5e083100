package io.inviteflow.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.inviteflow.console.engagement.Engagement;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The counters component without a browser or Spring. */
class CountersPanelTest {

    @Test
    void startsWithZerosAndShowsNewFigures() {
        CountersPanel panel = new CountersPanel();
        assertThat(panel.value("Invited")).isEqualTo("0");
        assertThat(panel.value("Open rate")).isEqualTo("–");

        panel.show(DashboardFigures.of(
                new Engagement(10, 4, 2, 1, 0, 3, Instant.parse("2025-06-07T10:00:00Z")), ZoneOffset.UTC));

        assertThat(panel.value("Invited")).isEqualTo("10");
        assertThat(panel.value("Opened")).isEqualTo("4");
        assertThat(panel.value("Yes")).isEqualTo("2");
        assertThat(panel.value("No")).isEqualTo("1");
        assertThat(panel.value("Maybe")).isEqualTo("0");
        assertThat(panel.value("Headcount")).isEqualTo("3");
        assertThat(panel.value("Open rate")).isEqualTo("40.0 %");
        assertThat(panel.value("Answer rate")).isEqualTo("30.0 %");
        assertThat(panel.value("As of")).isEqualTo("2025-06-07 10:00:00 Z");
    }
}
