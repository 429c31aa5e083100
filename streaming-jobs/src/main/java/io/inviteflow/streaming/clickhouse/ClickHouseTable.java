package io.inviteflow.streaming.clickhouse;

import java.io.IOException;
import java.io.Serializable;

/**
 * A table the job writes, with the DDL that creates it. The SQL runs on ClickHouse 18.16 and current ClickHouse
 * alike (no DateTime64, no TTL, no LowCardinality; ReplacingMergeTree(version) + {@code FINAL} for readers).
 *
 * @param name        unqualified name
 * @param ddlTemplate {@code CREATE TABLE IF NOT EXISTS %s …} where {@code %s} is the qualified name
 */
public record ClickHouseTable(String name, String ddlTemplate) implements Serializable {

    /**
     * Every counter of the metrics ({@code io.inviteflow.streaming.totals.Metrics}): per scope (event, campaign,
     * organizer), metric and dimension, the value after {@code version} changes.
     */
    public static final ClickHouseTable ENGAGEMENT_TOTALS = new ClickHouseTable("engagement_totals",
            "CREATE TABLE IF NOT EXISTS %s (scope String, scope_id String, metric String, dimension String, "
                    + "value Int64, version UInt64, updated_at DateTime) ENGINE = ReplacingMergeTree(version) "
                    + "ORDER BY (scope, scope_id, metric, dimension)");

    /** Every activity once per eventId (after merges, or with {@code FINAL}); rows are identical duplicates. */
    public static final ClickHouseTable ACTIVITY_LOG = new ClickHouseTable("activity_log",
            "CREATE TABLE IF NOT EXISTS %s (event_id String, type String, aggregate_type String, "
                    + "aggregate_id String, party_event_id String, occurred_at DateTime, occurred_ms UInt16, "
                    + "payload String) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at) "
                    + "ORDER BY (party_event_id, event_id)");

    /** Creates the database and this table if missing (idempotent; safe from every writer at every start). */
    public void createIfMissing(ClickHouseHttp http, ClickHouseTarget target) throws IOException {
        http.execute("CREATE DATABASE IF NOT EXISTS " + target.database());
        http.execute(ddlTemplate.formatted(target.qualified(name)));
    }
}
