package io.inviteflow.core.security;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The address-book points of earlier releases given their value's blind index (V41), which then becomes a point's
 * identity in its organizer's address book: what imports merge duplicates by. A Java migration, as the index needs
 * the master key; runs before the core serves. Their plain values wait for {@link LegacySealing}.
 */
@Component
public class V42__ContactPointIndexes extends BaseJavaMigration {

    private final BlindIndex index;

    V42__ContactPointIndexes(BlindIndex index) {
        this.index = index;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        indexPoints(db);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE UNIQUE INDEX contact_point_identity ON contact_point (organizer_id, value_index)");
            ddl.execute("CREATE INDEX contact_point_by_value ON contact_point (value_index)");
        }
    }

    private record Point(String contactId, String kind, String value) {
    }

    /** Every point still without its index (in the connection's transaction). */
    public void indexPoints(Connection db) throws SQLException {
        List<Point> points = new ArrayList<>();
        try (Statement read = db.createStatement();
             ResultSet rs = read.executeQuery(
                     "SELECT contact_id, kind, value FROM contact_point WHERE value_index IS NULL")) {
            while (rs.next()) {
                points.add(new Point(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE contact_point SET value_index = ? "
                + "WHERE contact_id = CAST(? AS uuid) AND kind = ? AND value = ?")) {
            for (Point p : points) {
                update.setBytes(1, index.ofContactPoint(p.kind(), p.value()));
                update.setString(2, p.contactId());
                update.setString(3, p.kind());
                update.setString(4, p.value());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
