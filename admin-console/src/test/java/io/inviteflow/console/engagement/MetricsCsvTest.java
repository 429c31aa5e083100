package io.inviteflow.console.engagement;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsCsvTest {

    @Test
    void quotesWhatNeedsItAndDisarmsFormulas() {
        String csv = MetricsCsv.of(new EventMetrics(List.of(new Counter("discount_uses", "=HYPERLINK(\"x\")", 2),
                new Counter("shares", "a\nb", 1), new Counter("invited", "", 3))));

        assertThat(csv).isEqualTo("metric,dimension,value\r\n"
                + "discount_uses,\"'=HYPERLINK(\"\"x\"\")\",2\r\n"
                + "shares,\"a\nb\",1\r\n"
                + "invited,,3\r\n");
    }
}
