package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WaitlistIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String organizer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        organizer = api.newOrganizerToken();
    }

    @Test
    void manyGuestsAnsweringAtOnceNeverOverfillTheRoom() throws Exception {
        String eventId = cappedEvent(10);
        List<String> tokens = invite(eventId, 60);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int plusOnes = i % 3; // parties of one, two and three
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/invitations/" + token + "/rsvp", null,
                        "{\"response\":\"YES\",\"plusOnes\":" + plusOnes + "}");
            }));
        }
        start.countDown();
        for (Future<Api.Response> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(confirmedHeadcount(eventId)).isBetween(8, 10); // full but for a party that did not fit
        assertThat(count(eventId, "CONFIRMED") + count(eventId, "WAITLISTED")).isEqualTo(60);

        // guests keep cancelling while others answer: still never above capacity, and the queue moves
        List<String> confirmed = tokensWith(tokens, "CONFIRMED");
        ExecutorService churn = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> changes = new ArrayList<>();
        for (String token : confirmed) {
            changes.add(churn.submit(() -> api.post("/api/v1/invitations/" + token + "/rsvp", null,
                    "{\"response\":\"NO\"}")));
        }
        for (Future<Api.Response> change : changes) {
            assertThat(change.get().status()).isEqualTo(200);
        }
        churn.shutdown();
        assertThat(confirmedHeadcount(eventId)).isBetween(8, 10);
        assertThat(tokensWith(tokens, "CONFIRMED")).doesNotContainAnyElementsOf(confirmed);
    }

    @Test
    void theFirstWaitingGuestIsPromotedWhenSomeoneDeclinesAndIsTold() {
        String eventId = cappedEvent(2);
        List<String> t = invite(eventId, 4);
        answer(t.get(0), "YES", 0);
        answer(t.get(1), "YES", 0);
        JsonNode third = answer(t.get(2), "YES", 0);
        JsonNode fourth = answer(t.get(3), "YES", 0);
        assertThat(third.get("attendance").asText()).isEqualTo("WAITLISTED");
        assertThat(fourth.get("attendance").asText()).isEqualTo("WAITLISTED");
        assertThat(api.getAs("/i/" + t.get(2), "test").body()).contains("you are on the waitlist");

        answer(t.get(0), "NO", 0);

        assertThat(attendance(third.get("invitationId").asText())).isEqualTo("CONFIRMED");
        assertThat(attendance(fourth.get("invitationId").asText())).isEqualTo("WAITLISTED");
        // a confirmed guest cannot grow their party past the room; they keep their place
        var grow = api.post("/api/v1/invitations/" + t.get(1) + "/rsvp", null, "{\"response\":\"YES\",\"plusOnes\":1}");
        assertThat(grow.status()).isEqualTo(409);
        assertThat(attendance(answer(t.get(1), "YES", 0).get("invitationId").asText())).isEqualTo("CONFIRMED");

        // a bigger room lets the rest in
        api.patch("/api/v1/events/" + eventId, organizer, "{\"capacity\":3}");
        assertThat(attendance(fourth.get("invitationId").asText())).isEqualTo("CONFIRMED");

        try (var reader = new ActivityReader(TOPIC)) {
            var mine = reader.readUntil(all -> all.stream().filter(m -> m.key().equals(eventId)
                            && m.activity().type() == ActivityType.WAITLIST_PROMOTED).count() >= 2,
                    Duration.ofSeconds(30)).stream().filter(m -> m.key().equals(eventId)).toList();
            assertThat(mine.stream().filter(m -> m.activity().type() == ActivityType.WAITLIST_JOINED)).hasSize(2);
            assertThat(mine.stream().filter(m -> m.activity().type() == ActivityType.WAITLIST_PROMOTED)
                    .map(m -> m.activity().aggregateId().toString()))
                    .containsExactly(third.get("invitationId").asText(), fourth.get("invitationId").asText());
        }
    }

    private String cappedEvent(int capacity) {
        return api.post("/api/v1/events", organizer, """
                {"title":"Supper club","startsAt":"2027-06-12T19:00:00+02:00","timeZone":"Europe/Berlin",
                 "capacity":%d,"maxPlusOnes":2}""".formatted(capacity)).json().get("id").asText();
    }

    private List<String> invite(String eventId, int n) {
        String guests = IntStream.range(0, n).mapToObj(i -> "{\"name\":\"Guest " + i + "\"}")
                .collect(Collectors.joining(","));
        JsonNode issued = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[" + guests + "]}").json().get("invitations");
        List<String> tokens = new ArrayList<>();
        issued.forEach(i -> tokens.add(i.get("token").asText()));
        return tokens;
    }

    private JsonNode answer(String token, String response, int plusOnes) {
        Api.Response r = api.post("/api/v1/invitations/" + token + "/rsvp", null,
                "{\"response\":\"" + response + "\",\"plusOnes\":" + plusOnes + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String attendance(String invitationId) {
        return jdbc.sql("SELECT attendance FROM invitation WHERE id = :id").param("id", UUID.fromString(invitationId))
                .query(String.class).single();
    }

    private int confirmedHeadcount(String eventId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(1 + plus_ones), 0) FROM invitation
                        WHERE party_event_id = :e AND attendance = 'CONFIRMED'""")
                .param("e", UUID.fromString(eventId)).query(Integer.class).single();
    }

    private int count(String eventId, String attendance) {
        return jdbc.sql("SELECT count(*) FROM invitation WHERE party_event_id = :e AND attendance = :a")
                .param("e", UUID.fromString(eventId)).param("a", attendance).query(Integer.class).single();
    }

    private List<String> tokensWith(List<String> tokens, String attendance) {
        return tokens.stream().filter(t -> {
            var invitation = jdbc.sql("SELECT attendance FROM invitation WHERE token_hash = :h")
                    .param("h", InvitationTokens.hash(t)).query(String.class).optional();
            return invitation.filter(attendance::equals).isPresent();
        }).toList();
    }
}
