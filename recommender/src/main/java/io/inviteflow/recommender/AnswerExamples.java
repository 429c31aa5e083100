package io.inviteflow.recommender;

import io.inviteflow.contract.forecast.AnswerModelFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Properties;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

/**
 * Invitations as examples for the answer model, each as it was at a moment it was still unanswered: rows
 * {@code (channel, theme, template, hour, weekday, age: String; opened, referred: double 0/1; the labels yes: 1 = the
 * latest answer is YES, answered: 1 = any answer came; at: long epoch second sent)}.
 */
final class AnswerExamples {

    private AnswerExamples() {
    }

    /**
     * Every invitation of the archive sent at least {@code settleDays} before its newest activity (younger ones may
     * still be answered: not yet an example of either kind), seen at each of the contract's snapshot ages after
     * sending ({@link AnswerModelFile#SNAPSHOT_AGES}) at which it was not answered yet and which the archive has
     * reached: {@code age} says which ({@code 0d}…), {@code opened} whether it had been opened by then. So the model
     * learns what the core asks of it — the chance that an invitation unanswered so far, opened or not so far, ends
     * with a YES — and not from answered invitations as they ended up (nearly all opened), which made every opened
     * pending invitation look as good as answered. The hour and weekday are those of sending, in UTC. The latest
     * answer is the one of the highest {@code answerVersion} (two answers can share a second). The snapshots of one
     * invitation share its time of sending, so a split by time never puts them on both sides.
     * SQL valid on ClickHouse 18.16 and current.
     */
    static String query(String database, int settleDays) {
        String ages = AnswerModelFile.SNAPSHOT_AGES.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        return """
                SELECT channel, theme, template, toString(toHour(sent_at, 'UTC')) AS hour,
                       toString(toDayOfWeek(sent_at, 'UTC')) AS weekday,
                       concat(toString(intDiv(snapshot_age, 86400)), 'd') AS age,
                       toFloat64(opened_ever AND first_open <= sent_at + snapshot_age) AS opened,
                       toFloat64(referred) AS referred, toFloat64(yes) AS yes,
                       toFloat64(answered) AS answered, toInt64(toUInt32(sent_at)) AS at
                FROM (
                    SELECT *, arrayJoin([%3$s]) AS snapshot_age
                    FROM (
                        SELECT aggregate_id AS invitation, occurred_at AS sent_at,
                               visitParamExtractString(payload, 'channel') AS channel,
                               visitParamExtractString(payload, 'theme') AS theme,
                               visitParamExtractString(payload, 'template') AS template,
                               visitParamExtractString(payload, 'referredBy') != '' AS referred
                        FROM %1$s.activity_log FINAL WHERE type = 'INVITATION_CREATED'
                    ) ANY LEFT JOIN (
                        SELECT aggregate_id AS invitation, max(type = 'INVITATION_OPENED') AS opened_ever,
                               minIf(occurred_at, type = 'INVITATION_OPENED') AS first_open,
                               minIf(occurred_at, type = 'RSVP_ANSWERED') AS first_answer,
                               argMaxIf(visitParamExtractString(payload, 'response'),
                                        visitParamExtractUInt(payload, 'answerVersion'), type = 'RSVP_ANSWERED') = 'YES' AS yes,
                               max(type = 'RSVP_ANSWERED') AS answered
                        FROM %1$s.activity_log FINAL WHERE type IN ('INVITATION_OPENED', 'RSVP_ANSWERED')
                        GROUP BY aggregate_id
                    ) USING invitation
                    WHERE sent_at <= (SELECT max(occurred_at) FROM %1$s.activity_log) - %2$d * 86400
                )
                WHERE (answered = 0 OR first_answer > sent_at + snapshot_age)
                  AND sent_at + snapshot_age <= (SELECT max(occurred_at) FROM %1$s.activity_log)""".formatted(
                database, settleDays, ages);
    }

    static Dataset<Row> fromClickHouse(SparkSession spark, String jdbcUrl, String database, int settleDays) {
        Properties connection = new Properties();
        connection.setProperty("driver", "ru.yandex.clickhouse.ClickHouseDriver");
        return spark.read().jdbc(jdbcUrl, "(" + query(database, settleDays) + ") AS examples", connection);
    }

    /**
     * Invitations whose YES depends on planted causes: opened (strongly), the channel (email above a bare link), the
     * hour of sending (evenings above mornings) and the snapshot's age (the longer unanswered, the less likely);
     * theme and template are noise; any answer, more likely when opened. For tests and the benchmark.
     */
    static Dataset<Row> synthetic(SparkSession spark, long rows, long seed) {
        Column opened = when(rand(seed).lt(0.6), 1.0).otherwise(0.0);
        Dataset<Row> drawn = spark.range(rows).select(opened.as("opened"),
                when(rand(seed + 1).lt(0.7), "email").otherwise("link").as("channel"),
                floor(rand(seed + 2).multiply(24)).cast("int").as("h"),
                floor(rand(seed + 3).multiply(7)).plus(1).cast("int").cast("string").as("weekday"),
                floor(rand(seed + 4).multiply(5)).cast("string").as("t"),
                rand(seed + 5).as("draw"), floor(rand(seed + 6).multiply(365 * 86400L)).cast("long").as("offset"),
                floor(rand(seed + 9).multiply(4)).cast("int").as("snapshot"));
        Column margin = lit(-2.0).plus(col("opened").multiply(2.5))
                .plus(when(col("channel").equalTo("email"), 0.5).otherwise(0.0))
                .plus(when(col("h").geq(17), 0.7).otherwise(0.0))
                .minus(col("snapshot").multiply(0.4));
        Column chance = lit(1.0).divide(lit(1.0).plus(exp(margin.multiply(-1))));
        return drawn.select(col("channel"), col("t").as("theme"), lit("party").as("template"),
                col("h").cast("string").as("hour"), col("weekday"),
                element_at(array(lit("0d"), lit("1d"), lit("3d"), lit("7d")), col("snapshot").plus(1)).as("age"),
                col("opened"),
                when(rand(seed + 7).lt(0.1), 1.0).otherwise(0.0).as("referred"),
                when(col("draw").lt(chance), 1.0).otherwise(0.0).as("yes"),
                // a yes is an answer; so is a no, more often from those who opened
                when(col("draw").lt(chance).or(rand(seed + 8).lt(lit(0.3).plus(col("opened").multiply(0.4)))), 1.0)
                        .otherwise(0.0).as("answered"),
                col("offset").plus(1_735_689_600L).as("at"));
    }
}
