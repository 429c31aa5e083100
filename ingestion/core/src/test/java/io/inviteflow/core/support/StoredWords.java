package io.inviteflow.core.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where words stand in clear in the test's schema: what an erasure's test expects nowhere. */
public final class StoredWords {

    private StoredWords() {
    }

    /** {@code table.column} of every text, varchar and jsonb column of the test's schema holding one of the words. */
    public static List<String> columnsHolding(JdbcClient jdbc, String... words) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'character', 'jsonb')""").query().listOfRows();
        assertThat(columns).as("the schema's columns").hasSizeGreaterThan(100);
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (String word : words) {
                long rows = jdbc.sql("SELECT count(*) FROM \"%s\" WHERE position(lower(:word) IN lower(\"%s\"::text)) > 0"
                        .formatted(table, name)).param("word", word).query(Long.class).single();
                if (rows > 0) {
                    holding.add(table + "." + name + " holds " + word);
                }
            }
        }
        return holding;
    }
}
