package io.inviteflow.core.event;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class EventApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.newOrganizerToken();
    }

    @Test
    void createsListsAndReadsAnEventInItsOwnTimeZone() {
        var created = api.post("/api/v1/events", token, """
                {"title":"Ada's 30th","startsAt":"2027-03-01T17:00:00Z","timeZone":"Europe/Berlin",
                 "venue":{"name":"Kulturbrauerei","address":"Schönhauser Allee 36","lat":52.539,"lon":13.4128},
                 "template":"birthday"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith(created.json().get("id").asText()));
        assertThat(created.json().get("startsAt").asText()).isEqualTo("2027-03-01T18:00:00+01:00");
        assertThat(created.json().at("/venue/mapUrl").asText()).contains("mlat=52.539000");

        String id = created.json().get("id").asText();
        var list = api.get("/api/v1/events", token);
        var one = api.get("/api/v1/events/" + id, token);

        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(one.json().get("title").asText()).isEqualTo("Ada's 30th");
    }

    @Test
    void anotherOrganizerSeesNothingOfIt() {
        String id = api.newEvent(token, "Private dinner");
        String intruder = api.newOrganizerToken();

        assertThat(api.get("/api/v1/events/" + id, intruder).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events", intruder).json()).isEmpty();
        assertThat(api.post("/api/v1/events/" + id + "/invitations", intruder,
                "{\"guests\":[{\"name\":\"Eve\"}]}").status()).isEqualTo(404);
    }

    @Test
    void needsAValidToken() {
        assertThat(api.get("/api/v1/events", null).status()).isEqualTo(401);
        var forged = api.get("/api/v1/events", token.substring(0, token.length() - 4) + "AAAA");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesBadInputNamingTheField() {
        var badZone = api.post("/api/v1/events", token,
                "{\"title\":\"T\",\"startsAt\":\"2027-03-01T17:00:00Z\",\"timeZone\":\"Mars/Olympus\"}");
        var badDate = api.post("/api/v1/events", token,
                "{\"title\":\"T\",\"startsAt\":\"next friday\",\"timeZone\":\"UTC\"}");
        var badLat = api.post("/api/v1/events", token,
                "{\"title\":\"T\",\"startsAt\":\"2027-03-01T17:00:00Z\",\"timeZone\":\"UTC\",\"venue\":{\"name\":\"V\",\"lat\":123,\"lon\":0}}");
        var hugeTitle = api.post("/api/v1/events", token,
                "{\"title\":\"" + "x".repeat(100_000) + "\",\"startsAt\":\"2027-03-01T17:00:00Z\",\"timeZone\":\"UTC\"}");
        var badLink = api.post("/api/v1/events", token,
                "{\"title\":\"T\",\"startsAt\":\"2027-03-01T17:00:00Z\",\"timeZone\":\"UTC\",\"onlineUrl\":\"javascript:alert(1)\"}");
        var badId = api.get("/api/v1/events/not-a-uuid", token);
        var nulInTitle = api.post("/api/v1/events", token,
                "{\"title\":\"a\\u0000b\",\"startsAt\":\"2027-03-01T17:00:00Z\",\"timeZone\":\"UTC\"}");
        var farFuture = api.post("/api/v1/events", token,
                "{\"title\":\"T\",\"startsAt\":\"+300000-03-01T17:00:00Z\",\"timeZone\":\"UTC\"}");

        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().get("field").asText()).isEqualTo("timeZone");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("field").asText()).isEqualTo("startsAt");
        assertThat(badLat.status()).isEqualTo(400);
        assertThat(badLat.json().get("field").asText()).isEqualTo("venue.lat");
        assertThat(hugeTitle.status()).isEqualTo(400);
        assertThat(hugeTitle.json().get("field").asText()).isEqualTo("title");
        assertThat(badLink.status()).isEqualTo(422);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(nulInTitle.status()).isEqualTo(400);
        assertThat(nulInTitle.json().get("field").asText()).isEqualTo("title");
        assertThat(farFuture.status()).isEqualTo(422);
        assertThat(farFuture.json().get("field").asText()).isEqualTo("startsAt");
        assertThat(api.get("/api/v1/events", token).json()).isEmpty();
    }
}
