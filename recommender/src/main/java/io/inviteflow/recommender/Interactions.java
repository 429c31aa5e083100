package io.inviteflow.recommender;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Properties;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

/**
 * Implicit feedback as rows {@code (user String, item String, confidence double)}: how strongly a user is drawn to an
 * item. For themes: an organizer × a theme, from the activity archive the streaming job keeps in ClickHouse.
 */
final class Interactions {

    static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("confidence", DataTypes.DoubleType, false);

    /**
     * Organizer × theme from {@code activity_log}: every invitation sent with a theme counts 1, an opened one 1 more,
     * one answered YES 2 more — what the organizer chose, weighted by how well it worked with their guests.
     * The aggregation runs inside ClickHouse (the result has one row per organizer and theme); {@code FINAL}
     * because the archive deduplicates by eventId only at merge time. SQL valid on ClickHouse 18.16 and current.
     */
    static String themeQuery(String database) {
        return """
                SELECT organizer AS user, theme AS item,
                       toFloat64(count() + sum(opened) + 2 * sum(yes)) AS confidence
                FROM (
                    SELECT aggregate_id AS invitation,
                           visitParamExtractString(payload, 'organizerId') AS organizer,
                           visitParamExtractString(payload, 'theme') AS theme
                    FROM %1$s.activity_log FINAL
                    WHERE type = 'INVITATION_CREATED'
                ) ANY LEFT JOIN (
                    SELECT aggregate_id AS invitation,
                           max(type = 'INVITATION_OPENED') AS opened,
                           max(type = 'RSVP_ANSWERED' AND visitParamExtractString(payload, 'response') = 'YES') AS yes
                    FROM %1$s.activity_log FINAL
                    WHERE type IN ('INVITATION_OPENED', 'RSVP_ANSWERED')
                    GROUP BY aggregate_id
                ) USING invitation
                WHERE theme != '' AND organizer != ''
                GROUP BY organizer, theme""".formatted(database);
    }

    private Interactions() {
    }

    /** Reads organizer × theme interactions from ClickHouse over JDBC. */
    static Dataset<Row> fromClickHouse(SparkSession spark, String jdbcUrl, String database) {
        Properties connection = new Properties();
        // the clickhouse-jdbc jar registers a second driver that fails on 18.16: name the right one
        connection.setProperty("driver", "ru.yandex.clickhouse.ClickHouseDriver");
        return spark.read()
                .jdbc(jdbcUrl, "(" + themeQuery(database) + ") AS interactions", connection)
                .select(col("user").cast("string"), col("item").cast("string"), col("confidence").cast("double"));
    }

    /**
     * Reads {@code user::item::rating::timestamp} lines (Spark's MovieLens sample). Only ratings of at least
     * {@code minRating} count as interactions (a 1-star rating is not a sign of liking), with the rating as confidence.
     */
    static Dataset<Row> fromMovieLens(SparkSession spark, String path, int minRating) {
        Dataset<Row> parts = spark.read().text(path).filter(col("value").contains("::"))
                .select(split(col("value"), "::").as("f"));
        return parts.select(col("f").getItem(0).as("user"), col("f").getItem(1).as("item"),
                        col("f").getItem(2).cast("double").as("confidence"))
                .filter(col("confidence").geq(minRating));
    }
}
