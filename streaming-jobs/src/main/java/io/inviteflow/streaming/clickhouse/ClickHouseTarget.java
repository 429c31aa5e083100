package io.inviteflow.streaming.clickhouse;

import java.io.Serializable;

/**
 * Where the job writes: the HTTP interface and the database.
 *
 * @param url      e.g. {@code http://127.0.0.1:8123}
 * @param database a plain identifier, created if missing
 */
public record ClickHouseTarget(String url, String database) implements Serializable {

    public ClickHouseTarget {
        ClickHouseHttp.identifier(database);
    }

    public String qualified(String table) {
        return database + "." + ClickHouseHttp.identifier(table);
    }
}
