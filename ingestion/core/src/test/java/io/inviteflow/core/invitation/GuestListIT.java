package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuestListIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theOrganizerFiltersTheListSeesTheQueueAndExportsOneRowPerPerson() throws Exception {
        Api api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.post("/api/v1/events", organizer, """
                {"title":"Dinner","startsAt":"2027-06-12T19:00:00+02:00","timeZone":"Europe/Berlin","capacity":3,
                 "maxPlusOnes":2,"questions":[{"kind":"CHOICE","label":"Meal","options":["Fish","Veg"],
                 "required":true,"perGuest":true}]}""").json().get("id").asText();
        String meal = api.get("/api/v1/events/" + eventId + "/questions", organizer).json().at("/0/id").asText();
        JsonNode issued = api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"Ada","email":"ada@example.org"},{"name":"=HYPERLINK(\\"http://evil\\")"},
                           {"name":"Bob"},{"name":"Cy"}]}""").json().get("invitations");
        rsvp(api, issued.get(0), "YES", 1, ("[{\"questionId\":\"%1$s\",\"guest\":0,\"value\":\"Fish\"},"
                + "{\"questionId\":\"%1$s\",\"guest\":1,\"value\":\"Veg\"}]").formatted(meal));
        rsvp(api, issued.get(2), "YES", 1, ("[{\"questionId\":\"%1$s\",\"guest\":0,\"value\":\"Veg\"},"
                + "{\"questionId\":\"%1$s\",\"guest\":1,\"value\":\"Veg\"}]").formatted(meal));
        rsvp(api, issued.get(3), "YES", 0, "[{\"questionId\":\"%s\",\"guest\":0,\"value\":\"Fish\"}]".formatted(meal));
        rsvp(api, issued.get(1), "NO", 0, "[]");

        JsonNode all = api.get("/api/v1/events/" + eventId + "/guests", organizer).json();
        JsonNode waiting = api.get("/api/v1/events/" + eventId + "/guests?attendance=WAITLISTED", organizer).json();
        JsonNode declined = api.get("/api/v1/events/" + eventId + "/guests?response=NO", organizer).json();

        assertThat(all.at("/totals/invited").asInt()).isEqualTo(4);
        assertThat(all.at("/totals/confirmedHeadcount").asInt()).isEqualTo(2);
        assertThat(all.at("/totals/waitlisted").asInt()).isEqualTo(2);
        assertThat(waiting.get("guests")).extracting(g -> g.get("name").asText()).containsExactly("Bob", "Cy");
        assertThat(declined.get("matching").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/events/" + eventId + "/guests?response=PERHAPS", organizer).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/events/" + eventId + "/guests", api.newOrganizerToken()).status()).isEqualTo(404);

        Api.Response csv = api.get("/api/v1/events/" + eventId + "/guests.csv", organizer);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(6); // Ada + 1, Bob + 1, Cy, and the guest who declined
        assertThat(rows).extracting(r -> r.get("person") + ":" + r.get("Meal")).contains("guest:Fish",
                "plus-one 1:Veg");
        assertThat(rows).extracting(r -> r.get("name")).contains("'=HYPERLINK(\"http://evil\")");
    }

    @Test
    void theListIsOrderedByNameAsPeopleSortThemAndSearchedByPartOfANameOrAddress() {
        Api api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.newEvent(organizer, "Names");
        api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"émile Zola","email":"emile@example.org"},{"name":"Bob"},
                           {"name":"ada Lovelace","email":"countess@example.org"},{"name":"Ælfred"},
                           {"name":"Zoë"}]}""");
        String guests = "/api/v1/events/" + eventId + "/guests";

        assertThat(api.get(guests, organizer).json().get("guests")).extracting(g -> g.get("name").asText())
                .as("case and accents do not scatter them").containsExactly("ada Lovelace", "Ælfred", "Bob",
                        "émile Zola", "Zoë");
        JsonNode page = api.get(guests + "?offset=1&limit=2", organizer).json();
        assertThat(page.get("matching").asInt()).isEqualTo(5);
        assertThat(page.get("guests")).extracting(g -> g.get("name").asText()).containsExactly("Ælfred", "Bob");
        JsonNode byName = api.get(guests + "?q=ZOL", organizer).json();
        assertThat(byName.get("guests")).extracting(g -> g.get("name").asText()).containsExactly("émile Zola");
        assertThat(byName.get("matching").asInt()).isOne();
        assertThat(api.get(guests + "?q=countess@", organizer).json().get("guests"))
                .extracting(g -> g.get("name").asText()).containsExactly("ada Lovelace");
        assertThat(api.get(guests + "?offset=10", organizer).json().get("guests")).isEmpty();
    }

    private static void rsvp(Api api, JsonNode invitation, String response, int plusOnes, String answers) {
        Api.Response r = api.post("/api/v1/invitations/" + invitation.get("token").asText() + "/rsvp", null,
                "{\"response\":\"%s\",\"plusOnes\":%d,\"answers\":%s}".formatted(response, plusOnes, answers));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
