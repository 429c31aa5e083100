package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.security.SecurityProperties;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.core.support.ServiceTokens;
import io.inviteflow.core.support.StoredGuestNames;
import io.inviteflow.testsupport.ActivityReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention rule through the internal API batch-jobs calls: guests of events older than the cutoff lose their
 * names, addresses and notes (answers and headcounts stay), chunk by chunk until nothing is left; newer events'
 * guests and recurring events' guests stay as they were.
 */
class GuestDataRetentionIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityProperties security;
    @Autowired
    PersonalText text;

    @Test
    void guestsOfEventsOlderThanTheCutoffAreErasedChunkByChunk() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String old = api.newEvent(organizer, "Long ago");
        String series = api.newEvent(organizer, "Weekly run");
        String recent = api.newEvent(organizer, "Next month");
        JsonNode oldGuests = api.invite(organizer, old, "Ada Lovelace", "Alan Turing");
        JsonNode seriesGuest = api.invite(organizer, series, "Grace Hopper");
        JsonNode recentGuest = api.invite(organizer, recent, "Edsger Dijkstra");
        assertThat(api.post("/api/v1/invitations/" + oldGuests.get(0).get("token").asText() + "/rsvp", null,
                "{\"response\":\"YES\",\"plusOnes\":2,\"note\":\"vegetarian\"}").status()).isEqualTo(200);
        jdbc.sql("UPDATE party_event SET starts_at = now() - interval '30 years' WHERE id IN (:old)")
                .param("old", List.of(UUID.fromString(old), UUID.fromString(series))).update();
        jdbc.sql("UPDATE party_event SET recurrence = 'FREQ=WEEKLY' WHERE id = :id")
                .param("id", UUID.fromString(series)).update();

        String cutoff = Instant.now().minus(20 * 365, ChronoUnit.DAYS).toString();
        List<String> erased = new ArrayList<>();
        for (int chunk = 0; chunk < 500; chunk++) { // other tests' events may be older still (GeneratedBodiesIT)
            JsonNode answer = api.post("/api/v1/internal/retention/erasures", ServiceTokens.mint(security),
                    "{\"startedBefore\":\"%s\",\"limit\":2}".formatted(cutoff)).json();
            answer.get("invitationIds").forEach(id -> erased.add(id.asText()));
            if (answer.get("invitationIds").isEmpty() && answer.get("orders").asInt() == 0) {
                break;
            }
        }
        assertThat(erased).contains(oldGuests.get(0).get("id").asText(), oldGuests.get(1).get("id").asText())
                .doesNotContain(seriesGuest.get(0).get("id").asText(), recentGuest.get(0).get("id").asText())
                .doesNotHaveDuplicates();
        assertThat(api.post("/api/v1/internal/retention/erasures", ServiceTokens.mint(security),
                "{\"startedBefore\":\"%s\",\"limit\":2}".formatted(cutoff)).json().get("invitationIds"))
                .as("nothing left").isEmpty();

        try (var reader = new ActivityReader(TOPIC)) {
            List<String> oldIds = List.of(oldGuests.get(0).get("id").asText(), oldGuests.get(1).get("id").asText());
            List<String> expired = new ArrayList<>();
            reader.readUntil(all -> {
                expired.clear();
                all.stream().filter(m -> m.activity().type() == ActivityType.GUEST_DATA_EXPIRED)
                        .forEach(m -> m.activity().payload().get("invitationIds").forEach(id -> expired.add(id.asText())));
                return expired.containsAll(oldIds);
            }, java.time.Duration.ofSeconds(30));
            assertThat(expired).as("batch-jobs hears of each erased guest").containsAll(oldIds);
        }
        assertThat(api.post("/api/v1/internal/retention/erasures", ServiceTokens.mint(security),
                "{\"startedBefore\":\"%s\",\"limit\":2}".formatted(Instant.now().minus(1, ChronoUnit.DAYS)))
                .status()).as("a cutoff of yesterday is a mistake").isEqualTo(422);

        Map<String, Object> ada = invitation(oldGuests.get(0));
        assertThat(ada).containsEntry("guest_name", PersonalDataErasure.ERASED_NAME).containsEntry("note", null)
                .containsEntry("response", "YES").containsEntry("plus_ones", 2);
        assertThat(ada.get("erased_at")).isNotNull();
        assertThat(StoredGuestNames.of(jdbc, text, UUID.fromString(seriesGuest.get(0).get("id").asText())))
                .isEqualTo("Grace Hopper");
        assertThat(StoredGuestNames.of(jdbc, text, UUID.fromString(recentGuest.get(0).get("id").asText())))
                .isEqualTo("Edsger Dijkstra");
    }

    private Map<String, Object> invitation(JsonNode guest) {
        return jdbc.sql("SELECT guest_name, note, response, plus_ones, erased_at FROM invitation WHERE id = :id")
                .param("id", UUID.fromString(guest.get("id").asText())).query().singleRow();
    }
}
