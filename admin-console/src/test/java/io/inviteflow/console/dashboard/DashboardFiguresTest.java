package io.inviteflow.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.inviteflow.console.engagement.Engagement;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void ratesAreADashWhenNobodyIsInvited() {
        DashboardFigures figures = DashboardFigures.of(Engagement.NONE, BERLIN);

        assertThat(figures.openRate()).isEqualTo("–");
        assertThat(figures.answerRate()).isEqualTo("–");
        assertThat(figures.invited()).isEqualTo("0");
        assertThat(figures.asOf()).isEqualTo("no data yet");
    }

    @Test
    void ratesAreSharesOfTheInvitedGuests() {
        Engagement e = new Engagement(1_200, 300, 100, 20, 30, 180, Instant.parse("2025-06-07T17:05:09Z"));

        DashboardFigures figures = DashboardFigures.of(e, BERLIN);

        assertThat(figures.openRate()).isEqualTo("25.0 %");
        assertThat(figures.answerRate()).isEqualTo("12.5 %"); // (100 + 20 + 30) / 1200
        assertThat(figures.invited()).isEqualTo("1,200");
        assertThat(figures.headcount()).isEqualTo("180");
        assertThat(figures.asOf()).isEqualTo("2025-06-07 19:05:09 Europe/Berlin");
    }

    @Test
    void ratesRoundToOneDecimal() {
        assertThat(DashboardFigures.rate(1, 3)).isEqualTo("33.3 %");
        assertThat(DashboardFigures.rate(2, 3)).isEqualTo("66.7 %");
        assertThat(DashboardFigures.rate(3, 3)).isEqualTo("100.0 %");
    }
}
