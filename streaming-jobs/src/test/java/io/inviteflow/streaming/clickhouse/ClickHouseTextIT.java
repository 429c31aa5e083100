package io.inviteflow.streaming.clickhouse;

import io.inviteflow.streaming.records.ActivityLogRow;
import io.inviteflow.streaming.totals.CounterRow;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text beyond ASCII through the sink writer into the real ClickHouse 18.16: a payload's bytes (quotes, backslashes,
 * accents, an emoji) come back exactly; a counter's emoji goes in as an escape pair and comes back as the character;
 * a lone surrogate, which ClickHouse would refuse, goes in as '?' instead of failing the insert.
 */
class ClickHouseTextIT {

    /** The local stack's ClickHouse, as in EngagementJobIT. */
    private static final String CLICKHOUSE = "http://127.0.0.1:8123";

    private final ClickHouseHttp http = new ClickHouseHttp(CLICKHOUSE);
    private final ClickHouseTarget target = new ClickHouseTarget(CLICKHOUSE,
            "text_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));

    @BeforeEach
    void createTables() throws IOException {
        ClickHouseTable.ACTIVITY_LOG.createIfMissing(http, target);
        ClickHouseTable.ENGAGEMENT_TOTALS.createIfMissing(http, target);
    }

    @AfterEach
    void dropTables() throws IOException {
        http.execute("DROP DATABASE IF EXISTS " + target.database());
    }

    @Test
    void aPayloadComesBackByteForByte() throws Exception {
        String payload = "{\"note\":\"\\\"Zoë\\\" \\\\ 生日 🎂\",\"lone\":\"\\ud83c\",\"nl\":\"a\\nb\"}";
        String table = target.qualified(ClickHouseTable.ACTIVITY_LOG.name());
        write(table, new ActivityLogRow(UUID.randomUUID().toString(), "RSVP_ANSWERED", "invitation",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1_790_000_000L, 5,
                payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(http.query("SELECT hex(payload) FROM " + table + " FORMAT TabSeparated").strip())
                .isEqualTo(hex(payload));
    }

    @Test
    void anEmojiComesBackAndALoneSurrogateBecomesAQuestionMark() throws Exception {
        String table = target.qualified(ClickHouseTable.ENGAGEMENT_TOTALS.name());
        write(table, new CounterRow("event", "e", "choices", "q|Crème brûlée 🎂", 1, 1, 0),
                new CounterRow("event", "e", "choices", "q|half \ud83c cut", 1, 1, 0));

        assertThat(http.query("SELECT hex(dimension) FROM " + table + " ORDER BY dimension FORMAT TabSeparated")
                .lines()).containsExactly(hex("q|Crème brûlée 🎂"), hex("q|half ? cut"));
    }

    @SafeVarargs
    private <T extends ClickHouseRow> void write(String table, T... rows) throws Exception {
        var writer = new ClickHouseSinkWriter<T>(http, table, 100, 60_000, new TestProcessingTimeService(),
                new SimpleCounter(), null, Runnable::run);
        for (T row : rows) {
            writer.write(row, null);
        }
        writer.flush(true);
        writer.close();
    }

    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hex.append("%02X".formatted(b));
        }
        return hex.toString();
    }
}
