package io.inviteflow.console.insights;

import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.engagement.Counter;
import io.inviteflow.console.engagement.EventMetrics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizerInsightsTest {

    @Test
    void themesAreRankedByOpenRateOnceEnoughGuestsGotThem() {
        EventMetrics m = new EventMetrics(List.of(
                new Counter("theme_invited", "confetti", 100), new Counter("theme_opened", "confetti", 60),
                new Counter("theme_invited", "garden", 40), new Counter("theme_opened", "garden", 30),
                new Counter("theme_yes", "garden", 12),
                new Counter("theme_invited", "neon", 5), new Counter("theme_opened", "neon", 5)));

        List<OrganizerInsights.ThemeRow> rows = OrganizerInsights.themes(m);

        assertThat(rows).extracting(OrganizerInsights.ThemeRow::theme).containsExactly("garden", "confetti", "neon");
        assertThat(rows.get(0).yesRate()).isEqualTo(0.3);
    }

    @Test
    void everyEventIsComparedAndOnesWithoutFiguresShowZeros() {
        CoreEvent counted = event("Counted");
        CoreEvent fresh = event("Fresh");
        var rows = OrganizerInsights.events(List.of(counted, fresh), Map.of(counted.id(), new EventMetrics(List.of(
                new Counter("invited", "", 10), new Counter("opened", "", 4)))));

        assertThat(rows).extracting(OrganizerInsights.EventRow::invited).containsExactly(10L, 0L);
        assertThat(rows.get(0).opened()).isEqualTo(4);
    }

    private static CoreEvent event(String title) {
        return new CoreEvent(UUID.randomUUID(), title, null, "UTC", null, null, null, null, "SCHEDULED");
    }
}
