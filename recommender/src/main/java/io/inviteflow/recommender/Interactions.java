package io.inviteflow.recommender;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Properties;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;

/**
 * Implicit feedback as rows {@code (user String, item String, confidence double, at long, context String)}: a sign, at
 * epoch second {@code at}, of how strongly a user is drawn to an item. A user and an item may have many rows (one per
 * day, per rating…): the time lets the evaluation train on the past and test on the future. {@code context} (may be
 * null) is what a newcomer is known by, {@code type|season} for themes: the popularity a newcomer is served is
 * computed per context.
 */
final class Interactions {

    static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("confidence", DataTypes.DoubleType, false)
            .add("at", DataTypes.LongType, false)
            .add("context", DataTypes.StringType, true);

    /**
     * Organizer × theme × day from {@code activity_log}: an invitation sent with a theme counts 1 on the day it was
     * created, its first open 1 more on the day of the open, its first YES 2 more on the day of the answer — what the
     * organizer chose, weighted by how well it worked with their guests, each sign on the day it was seen (so a split
     * by time never lets a later open into the training data). The context is the event's type (its template) and
     * the season of the day (meteorological, northern hemisphere: the archive knows no country of the organizer). The aggregation runs inside ClickHouse; {@code FINAL}
     * because the archive deduplicates by eventId only at merge time. SQL valid on ClickHouse 18.16 and current.
     */
    static String themeQuery(String database) {
        return """
                SELECT organizer AS user, theme AS item, toFloat64(sum(weight)) AS confidence,
                       toInt64(toUInt32(toStartOfDay(seen_at))) AS at,
                       if(template = '', '', concat(template, '|', multiIf(toMonth(seen_at) IN (12, 1, 2), 'winter',
                           toMonth(seen_at) IN (3, 4, 5), 'spring', toMonth(seen_at) IN (6, 7, 8), 'summer',
                           'autumn'))) AS context
                FROM (
                    SELECT aggregate_id AS invitation, occurred_at AS seen_at, 1 AS weight
                    FROM %1$s.activity_log FINAL WHERE type = 'INVITATION_CREATED'
                    UNION ALL
                    SELECT aggregate_id AS invitation, min(occurred_at) AS seen_at, 1 AS weight
                    FROM %1$s.activity_log FINAL WHERE type = 'INVITATION_OPENED' GROUP BY aggregate_id
                    UNION ALL
                    SELECT aggregate_id AS invitation, min(occurred_at) AS seen_at, 2 AS weight
                    FROM %1$s.activity_log FINAL
                    WHERE type = 'RSVP_ANSWERED' AND visitParamExtractString(payload, 'response') = 'YES'
                    GROUP BY aggregate_id
                ) ANY INNER JOIN (
                    SELECT aggregate_id AS invitation,
                           visitParamExtractString(payload, 'organizerId') AS organizer,
                           visitParamExtractString(payload, 'theme') AS theme,
                           visitParamExtractString(payload, 'template') AS template
                    FROM %1$s.activity_log FINAL WHERE type = 'INVITATION_CREATED'
                ) USING invitation
                WHERE theme != '' AND organizer != ''
                GROUP BY organizer, theme, toStartOfDay(seen_at), context""".formatted(database);
    }

    /**
     * Guest × idea × day from {@code activity_log}: each click on an idea counts 1 on its day; a pick counts 4 on the
     * day of the guest's latest pick of the item for that invitation (to the millisecond), unless that latest one took
     * the pick back — a pick at one event stands whatever the guest does at another. The guest is the activities'
     * pseudonymous key, the same across events; the context is the event's type.
     */
    static String ideaQuery(String database) {
        return """
                SELECT guest AS user, idea AS item, toFloat64(sum(weight)) AS confidence,
                       toInt64(toUInt32(toStartOfDay(seen_at))) AS at, kind AS context
                FROM (
                    SELECT visitParamExtractString(payload, 'guestKey') AS guest,
                           visitParamExtractString(payload, 'itemId') AS idea,
                           visitParamExtractString(payload, 'eventType') AS kind, occurred_at AS seen_at, 1 AS weight
                    FROM %1$s.activity_log FINAL WHERE type = 'IDEA_CLICKED'
                    UNION ALL
                    SELECT guest, idea, kind, seen_at, 4 AS weight
                    FROM (
                        SELECT visitParamExtractString(payload, 'guestKey') AS guest,
                               visitParamExtractString(payload, 'itemId') AS idea,
                               any(visitParamExtractString(payload, 'eventType')) AS kind,
                               argMax(visitParamExtractBool(payload, 'picked'),
                                      toUInt64(occurred_at) * 1000 + occurred_ms) AS still_picked,
                               max(occurred_at) AS seen_at
                        FROM %1$s.activity_log FINAL WHERE type = 'IDEA_PICKED'
                        GROUP BY guest, idea, aggregate_id
                    ) WHERE still_picked = 1
                )
                WHERE guest != '' AND idea != ''
                GROUP BY guest, idea, toStartOfDay(seen_at), kind""".formatted(database);
    }

    private Interactions() {
    }

    /** Reads organizer × theme × day interactions from ClickHouse over JDBC. */
    static Dataset<Row> fromClickHouse(SparkSession spark, String jdbcUrl, String database) {
        return query(spark, jdbcUrl, themeQuery(database));
    }

    /** Reads guest × idea × day interactions from ClickHouse over JDBC. */
    static Dataset<Row> ideasFromClickHouse(SparkSession spark, String jdbcUrl, String database) {
        return query(spark, jdbcUrl, ideaQuery(database));
    }

    private static Dataset<Row> query(SparkSession spark, String jdbcUrl, String query) {
        Properties connection = new Properties();
        // the clickhouse-jdbc jar registers a second driver that fails on 18.16: name the right one
        connection.setProperty("driver", "ru.yandex.clickhouse.ClickHouseDriver");
        return typed(spark.read().jdbc(jdbcUrl, "(" + query + ") AS interactions", connection));
    }

    /**
     * Reads {@code user::item::rating::timestamp} lines (Spark's MovieLens sample). Only ratings of at least
     * {@code minRating} count as interactions (a 1-star rating is not a sign of liking), with the rating as confidence.
     */
    static Dataset<Row> fromMovieLens(SparkSession spark, String path, int minRating) {
        Dataset<Row> parts = spark.read().text(path).filter(col("value").contains("::"))
                .select(split(col("value"), "::").as("f"));
        return typed(parts.select(col("f").getItem(0).as("user"), col("f").getItem(1).as("item"),
                        col("f").getItem(2).as("confidence"), col("f").getItem(3).as("at"))
                .filter(col("confidence").cast("double").geq(minRating)));
    }

    /**
     * Meetup RSVPs (one JSON object per line, as the public RSVP stream sent them): every YES of a member is an
     * interaction with each topic of the event's group, at the RSVP's time — members × group topics. The stream sends
     * an RSVP again when it changes: the latest message of an {@code rsvp_id} is its answer.
     */
    static Dataset<Row> fromMeetupRsvps(SparkSession spark, String path) {
        Dataset<Row> rsvps = spark.read().json(path)
                .withColumn("nth", row_number().over(Window.partitionBy("rsvp_id").orderBy(col("mtime").desc())))
                .filter(col("nth").equalTo(1).and(col("response").equalTo("yes")));
        return typed(rsvps.select(col("member.member_id").as("user"),
                        explode(col("group.group_topics.urlkey")).as("item"),
                        lit(1.0).as("confidence"), floor(col("mtime").divide(1000)).as("at")));
    }

    /** The columns of {@link #SCHEMA}, cast from whatever a source delivers; no context column: null. */
    static Dataset<Row> typed(Dataset<Row> rows) {
        boolean hasContext = java.util.Arrays.asList(rows.columns()).contains("context");
        return rows.select(col("user").cast("string"), col("item").cast("string"),
                col("confidence").cast("double"), col("at").cast("long"),
                (hasContext ? col("context") : lit(null)).cast("string").as("context"));
    }
}
