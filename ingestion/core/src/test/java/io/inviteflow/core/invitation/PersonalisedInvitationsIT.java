package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalisedInvitationsIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String organizer;
    String eventId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        organizer = api.newOrganizerToken(); // signs up as "Ada"
        eventId = api.newEvent(organizer, "Summer party");
    }

    @Test
    void aContactListIsInvitedAtOnceEachWithTheirOwnMessage() {
        api.upload("/api/v1/contacts/import?list=Friends", organizer, "friends.csv", """
                First Name,Last Name,E-mail Address,Mobile Phone
                Grace,Hopper,grace@example.org,
                Alan,Turing,,+44 20 7946 0000
                Alan,Turing,alan@example.org,+44 20 7946 0000
                """.getBytes(StandardCharsets.UTF_8));
        String listId = api.get("/api/v1/contact-lists", organizer).json().get(0).get("id").asText();

        JsonNode issued = api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"contactListId":"%s","message":"Hi {firstName}, {organizerName} invites you to {eventTitle} on {eventDate}.",
                 "theme":"party-disco","maxPlusOnes":1,
                 "guests":[{"name":"Linus","message":"Hey {name}!","theme":"birthday-balloons"}]}"""
                .formatted(listId)).json().get("invitations");

        assertThat(issued).hasSize(3); // Alan's two rows were one contact
        assertThat(issued.get(0).get("message").asText()).isEqualTo("Hey Linus!");
        assertThat(issued.get(1).get("name").asText()).isEqualTo("Alan Turing");
        assertThat(issued.get(1).get("message").asText())
                .isEqualTo("Hi Alan, Ada invites you to Summer party on Saturday 12 June 2027, 18:00.");
        String alan = api.getAs("/i/" + issued.get(1).get("token").asText(), "test").body();
        assertThat(alan).contains("Hi Alan, Ada invites you").contains("/artwork/party-disco.svg")
                .contains("Guests you bring (up to 1)");
        assertThat(api.getAs("/i/" + issued.get(0).get("token").asText(), "test").body())
                .contains("/artwork/birthday-balloons.svg");
    }

    @Test
    void thePreviewShowsThePageAsTheGuestWillSeeItAndStoresNothing() {
        Api.Response preview = api.post("/api/v1/events/" + eventId + "/invitations/preview", organizer,
                "{\"name\":\"Grace Hopper\",\"message\":\"Dear {firstName}, see you at {eventTitle}!\","
                        + "\"theme\":\"wedding-botanical\"}");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("text/html");
        assertThat(preview.body()).contains("Dear Grace, see you at Summer party!").contains("Dear Grace Hopper");
        assertThat(preview.body()).contains("/artwork/wedding-botanical.svg");
        assertThat(api.get("/api/v1/events/" + eventId + "/guests", organizer).json().at("/totals/invited").asInt())
                .isZero();
    }

    @Test
    void unknownMergeFieldsThemesAndContactsAreRefusedBeforeAnythingIsSent() {
        var field = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"A\"}],\"message\":\"Hi {nickname}\"}");
        var theme = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"A\",\"theme\":\"neon\"}]}");
        var contact = api.post("/api/v1/events/" + eventId + "/invitations", organizer,
                "{\"contactIds\":[\"00000000-0000-0000-0000-000000000001\"]}");
        var nobody = api.post("/api/v1/events/" + eventId + "/invitations", organizer, "{}");

        assertThat(field.status()).isEqualTo(422);
        assertThat(field.json().get("detail").asText()).contains("{nickname}");
        assertThat(theme.json().get("field").asText()).isEqualTo("guests[0].theme");
        assertThat(contact.status()).isEqualTo(404);
        assertThat(nobody.status()).isEqualTo(422);
    }
}
