package io.inviteflow.streaming.totals;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inviteflow.streaming.clickhouse.ClickHouseRow;

import java.io.IOException;

/**
 * One row of {@code engagement_totals}: a counter's value after {@code version} changes.
 *
 * @param version   changes applied to this counter so far: the same in every run (replay, restart, parallelism), so
 *                  ReplacingMergeTree keeps the newest
 * @param updatedAt event time (epoch seconds) of the newest activity that changed it
 */
public record CounterRow(String scope, String scopeId, String metric, String dimension, long value, long version,
                         long updatedAt) implements ClickHouseRow {

    @Override
    public void writeJson(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("scope", scope);
        out.writeStringField("scope_id", scopeId);
        out.writeStringField("metric", metric);
        out.writeStringField("dimension", dimension);
        out.writeNumberField("value", value);
        out.writeNumberField("version", version);
        out.writeNumberField("updated_at", updatedAt);
        out.writeEndObject();
    }

    /** Which counter this row is a value of. */
    public CounterId key() {
        return new CounterId(scope, scopeId, metric, dimension);
    }
}
