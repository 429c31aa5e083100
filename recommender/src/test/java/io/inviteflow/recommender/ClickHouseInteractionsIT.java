package io.inviteflow.recommender;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer × theme query against a real ClickHouse holding an archive shaped as the streaming job writes it. */
class ClickHouseInteractionsIT {

    private static final String DB = "rec_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createArchive() throws Exception {
        sql("CREATE DATABASE " + DB);
        // the streaming job's DDL (streaming-jobs ClickHouseTable.ACTIVITY_LOG), which owns this table
        sql("CREATE TABLE " + DB + ".activity_log (event_id String, type String, aggregate_type String, "
                + "aggregate_id String, party_event_id String, occurred_at DateTime, occurred_ms UInt16, "
                + "payload String) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(occurred_at) "
                + "ORDER BY (party_event_id, event_id)");
    }

    @AfterEach
    void dropArchive() throws Exception {
        sql("DROP DATABASE IF EXISTS " + DB);
    }

    @Test
    void weighsEachOrganizersThemesByInvitationsOpensAndYeses() throws Exception {
        String ada = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String rows = String.join("\n",
                created("e1", "i1", ada, "birthday"), created("e2", "i2", ada, "birthday"),
                created("e3", "i3", ada, "wedding"), created("e4", "i4", bob, "wedding"),
                opened("e5", "i1"), opened("e6", "i1"), opened("e7", "i2"),
                answered("e8", "i1", "NO"), answered("e9", "i1", "YES"), answered("e10", "i4", "YES"),
                opened("e5", "i1")); // a duplicate delivery of e5: counted once
        insert(rows);

        Map<String, Double> confidence = Interactions.fromClickHouse(SparkTestSession.get(),
                        "jdbc:clickhouse://127.0.0.1:8123/" + DB + "?compress=false", DB)
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> (r.getString(0).equals(ada) ? "ada/" : "bob/") + r.getString(1),
                        (Row r) -> r.getDouble(2)));

        // birthday: 2 invitations + 2 opened + 2×1 yes; wedding (ada): 1; wedding (bob): 1 + 0 + 2×1
        assertThat(confidence).containsExactlyInAnyOrderEntriesOf(
                Map.of("ada/birthday", 6.0, "ada/wedding", 1.0, "bob/wedding", 3.0));
    }

    @Test
    void countsEachSignOnTheDayItWasSeenSoASplitByTimeNeverTrainsOnALaterOpen() throws Exception {
        String ada = UUID.randomUUID().toString();
        insert(String.join("\n",
                row("e1", "INVITATION_CREATED", "i1", createdPayload(ada, "birthday"), "2026-11-20 09:00:00"),
                row("e2", "INVITATION_OPENED", "i1", "{\\\"client\\\":\\\"mobile\\\"}", "2026-11-22 18:30:00"),
                row("e3", "RSVP_ANSWERED", "i1", answerPayload("YES"), "2026-11-22 18:31:00"),
                row("e4", "INVITATION_OPENED", "i1", "{\\\"client\\\":\\\"mobile\\\"}", "2026-11-23 08:00:00")));

        List<Row> rows = Interactions.fromClickHouse(SparkTestSession.get(),
                "jdbc:clickhouse://127.0.0.1:8123/" + DB + "?compress=false", DB).collectAsList();
        Map<Long, Double> byDay = rows.stream().collect(Collectors.toMap(r -> r.getLong(3), (Row r) -> r.getDouble(2)));
        // the event's type and the season of the day: what a newcomer planning such an event is known by
        assertThat(rows).allSatisfy(r -> assertThat(r.getString(4)).isEqualTo("party|autumn"));

        // the server's time zone decides where a day starts; the days are 2 apart whatever it is
        assertThat(byDay).hasSize(2);
        long created = byDay.keySet().stream().min(Long::compare).orElseThrow();
        assertThat(byDay).containsEntry(created, 1.0).containsEntry(created + 2 * 86_400, 3.0);
    }

    @Test
    void answerExamplesTakeTheLatestAnswerAndOnlyInvitationsOldEnoughToBeSettled() throws Exception {
        String ada = UUID.randomUUID().toString();
        insert(String.join("\n",
                row("e1", "INVITATION_CREATED", "i1", createdPayload(ada, "party-neon"), "2026-11-20 19:00:00"),
                row("e2", "INVITATION_OPENED", "i1", "{}", "2026-11-20 20:00:00"),
                row("e3", "RSVP_ANSWERED", "i1", answerPayload("YES"), "2026-11-20 20:01:00"),
                // the guest changed their mind within the second: the answer version tells which came last
                row("e4", "RSVP_ANSWERED", "i1", answerPayload("NO", 2), "2026-11-20 20:01:00"),
                row("e5", "INVITATION_CREATED", "i2", createdPayload(ada, "party-neon"), "2026-11-20 19:00:00"),
                row("e6", "RSVP_ANSWERED", "i2", answerPayload("YES"), "2026-11-21 10:00:00"),
                row("e7", "INVITATION_CREATED", "i3", createdPayload(ada, "party-neon"), "2026-11-22 08:00:00"),
                row("e8", "INVITATION_OPENED", "i3", "{}", "2026-11-23 08:00:00")));

        List<Row> all = AnswerExamples.fromClickHouse(SparkTestSession.get(),
                "jdbc:clickhouse://127.0.0.1:8123/" + DB + "?compress=false", DB, 0).collectAsList();
        long settled = AnswerExamples.fromClickHouse(SparkTestSession.get(),
                "jdbc:clickhouse://127.0.0.1:8123/" + DB + "?compress=false", DB, 2).count();

        // each invitation as it was when sent, and a day later if still unanswered then (the archive ends on 23 Nov
        // 08:00: no later snapshot). i1: answered within the hour (YES, then NO: the final answer is NO); i2: its
        // only answer YES the next morning; i3: opened exactly a day after sending, never answered
        assertThat(all).map(r -> r.getAs("at") + "/" + r.getAs("age") + "/" + r.getAs("opened") + "/" + r.getAs("yes")
                        + "/" + r.getAs("answered"))
                .containsExactlyInAnyOrder(
                        at("2026-11-20T19:00:00Z") + "/0d/0.0/0.0/1.0", at("2026-11-20T19:00:00Z") + "/0d/0.0/1.0/1.0",
                        at("2026-11-22T08:00:00Z") + "/0d/0.0/0.0/0.0", at("2026-11-22T08:00:00Z") + "/1d/1.0/0.0/0.0");
        Row first = all.stream().filter(r -> r.<Long>getAs("at") == at("2026-11-20T19:00:00Z")).findFirst()
                .orElseThrow();
        assertThat(List.of(first.getAs("channel"), first.getAs("theme"), first.getAs("template"), first.getAs("hour"),
                first.getAs("weekday"))).containsExactly("email", "party-neon", "party", "19", "5");
        // two days before the newest activity, only the invitations of 20 Nov are settled
        assertThat(settled).isEqualTo(2);
    }

    @Test
    void ideasCountEveryClickAndAPickThatWasNotTakenBack() throws Exception {
        insert(String.join("\n",
                row("e1", "IDEA_CLICKED", "i1", idea("g1", "linen-suit", null), "2026-11-20 09:00:00"),
                row("e2", "IDEA_CLICKED", "i1", idea("g1", "linen-suit", null), "2026-11-20 09:05:00"),
                row("e3", "IDEA_PICKED", "i1", idea("g1", "linen-suit", false), "2026-11-22 10:00:00"),
                row("e4", "IDEA_PICKED", "i1", idea("g1", "linen-suit", true), "2026-11-22 10:01:00"),
                row("e5", "IDEA_PICKED", "i2", idea("g2", "fruit-salad", true), "2026-11-22 10:00:00"),
                // g2 took the pick back: only the click counts
                row("e6", "IDEA_PICKED", "i2", idea("g2", "fruit-salad", false), "2026-11-22 11:00:00"),
                row("e7", "IDEA_CLICKED", "i2", idea("g2", "fruit-salad", null), "2026-11-22 11:00:00"),
                row("e7", "IDEA_CLICKED", "i2", idea("g2", "fruit-salad", null), "2026-11-22 11:00:00"),
                // g1 picks the suit for another event too, then takes that back: the first pick stands
                row("e8", "IDEA_PICKED", "i3", idea("g1", "linen-suit", true), "2026-11-22 12:00:00"),
                row("e9", "IDEA_PICKED", "i3", idea("g1", "linen-suit", false), "2026-11-22 12:30:00")));

        List<Row> rows = Interactions.ideasFromClickHouse(SparkTestSession.get(),
                "jdbc:clickhouse://127.0.0.1:8123/" + DB + "?compress=false", DB).orderBy("user", "at")
                .collectAsList();

        assertThat(rows).map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getDouble(2) + "/" + r.getString(4))
                .containsExactly("g1/linen-suit/2.0/wedding", "g1/linen-suit/4.0/wedding",
                        "g2/fruit-salad/1.0/wedding");
        assertThat(rows.get(1).getLong(3) - rows.get(0).getLong(3)).as("the pick counts on its own day")
                .isEqualTo(2 * 86_400);
    }

    private static long at(String instant) {
        return java.time.Instant.parse(instant).getEpochSecond();
    }

    /** {@code picked} null: a click's payload. */
    private static String idea(String guest, String item, Boolean picked) {
        return "{\\\"itemId\\\":\\\"" + item + "\\\",\\\"guestKey\\\":\\\"" + guest
                + "\\\",\\\"eventType\\\":\\\"wedding\\\"" + (picked == null ? "" : ",\\\"picked\\\":" + picked) + "}";
    }

    private static String created(String eventId, String invitation, String organizer, String theme) {
        return row(eventId, "INVITATION_CREATED", invitation, createdPayload(organizer, theme));
    }

    private static String createdPayload(String organizer, String theme) {
        return "{\\\"organizerId\\\":\\\"" + organizer + "\\\",\\\"theme\\\":\\\"" + theme + "\\\",\\\"channel\\\":\\\"email\\\",\\\"template\\\":\\\"party\\\"}";
    }

    private static String opened(String eventId, String invitation) {
        return row(eventId, "INVITATION_OPENED", invitation, "{\\\"client\\\":\\\"mobile\\\"}");
    }

    private static String answered(String eventId, String invitation, String response) {
        return row(eventId, "RSVP_ANSWERED", invitation, answerPayload(response));
    }

    private static String answerPayload(String response) {
        return answerPayload(response, 1);
    }

    private static String answerPayload(String response, int version) {
        return "{\\\"response\\\":\\\"" + response + "\\\",\\\"plusOnes\\\":0,\\\"answerVersion\\\":" + version + "}";
    }

    private static String row(String eventId, String type, String invitation, String payload) {
        return row(eventId, type, invitation, payload, "2026-11-25 10:00:00");
    }

    private static String row(String eventId, String type, String invitation, String payload, String occurredAt) {
        return "{\"event_id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"aggregate_type\":\"invitation\","
                + "\"aggregate_id\":\"" + invitation + "\",\"party_event_id\":\"p1\","
                + "\"occurred_at\":\"" + occurredAt + "\",\"occurred_ms\":0,\"payload\":\"" + payload + "\"}";
    }

    private void insert(String jsonEachRow) throws Exception {
        send("INSERT INTO " + DB + ".activity_log FORMAT JSONEachRow", jsonEachRow);
    }

    private void sql(String statement) throws Exception {
        send(statement, "");
    }

    private void send(String query, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:8123/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

}
