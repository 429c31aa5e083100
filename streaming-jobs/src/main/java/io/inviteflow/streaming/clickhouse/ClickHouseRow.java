package io.inviteflow.streaming.clickhouse;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * A row of a ClickHouse table that writes itself as one JSON object of the table's columns (JSONEachRow). Written out
 * by hand rather than by a reflective serializer: the job writes about two rows per activity, and a bean serializer
 * took an eighth of its CPU.
 */
public interface ClickHouseRow {

    void writeJson(JsonGenerator out) throws IOException;

    /**
     * A condition on this row's table for rows to delete once this row and every row before it are in the table (a
     * person's erasure, see {@code PERSON_ERASED}); null for none, as for almost every row.
     */
    default String deletes() {
        return null;
    }
}
