package io.inviteflow.streaming.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.streaming.records.ActivityLogRow;
import io.inviteflow.streaming.totals.CounterRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row type writes exactly the columns of its table's DDL, in order, so an insert never misses or misnames one. */
class ClickHouseRowColumnsTest {

    private static final Pattern COLUMN = Pattern.compile("([a-z_]+) (String|Int64|UInt64|UInt16|DateTime)[,)]");

    @Test
    void aCounterRowWritesTheColumnsOfEngagementTotals() throws IOException {
        var row = new CounterRow("event", "e1", "opened", "", 3, 4, 1_764_199_800L);
        assertThat(keys(row)).containsExactlyElementsOf(columns(ClickHouseTable.ENGAGEMENT_TOTALS));
    }

    @Test
    void anActivityLogRowWritesTheColumnsOfActivityLog() throws IOException {
        var row = new ActivityLogRow("a", "INVITATION_OPENED", "invitation", "i", "e", 1_764_199_800L, 250,
                "{\"via\":\"email\",\"note\":\"\\\"Zoë\\\" 🎂\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(keys(row)).containsExactlyElementsOf(columns(ClickHouseTable.ACTIVITY_LOG));
        assertThat(new ObjectMapper().readTree(json(row)).path("payload").asText())
                .isEqualTo("{\"via\":\"email\",\"note\":\"\\\"Zoë\\\" 🎂\"}");
    }

    private static List<String> columns(ClickHouseTable table) {
        String ddl = table.ddlTemplate();
        Matcher m = COLUMN.matcher(ddl.substring(ddl.indexOf('('), ddl.indexOf("ENGINE")));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> keys(ClickHouseRow row) throws IOException {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(json(row)).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String json(ClickHouseRow row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) { // UTF-8, as the sink writes
            row.writeJson(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
