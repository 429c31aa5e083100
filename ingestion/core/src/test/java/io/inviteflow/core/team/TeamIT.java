package io.inviteflow.core.team;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams end to end: an invitation mailed to an address, joined from the link by whoever opens it signed in; a
 * co-organizer working on their one event and nothing else of the owner's; marketing working on the owner's
 * campaigns through the organizer header and on nothing else; removal and leaving taking effect at once.
 */
class TeamIT extends CoreIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http\\S+/join/([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aCoOrganizerWorksOnTheirEventOnly() {
        String owner = api.newOrganizerToken();
        String ownerId = api.get("/api/v1/organizers/me", owner).json().get("id").asText();
        String shared = api.newEvent(owner, "Our wedding");
        String other = api.newEvent(owner, "My birthday");
        String ada = api.invite(owner, shared, "Ada").get(0).get("id").asText();
        String grace = api.invite(owner, other, "Grace").get(0).get("id").asText();
        String address = "partner-" + UUID.randomUUID() + "@example.org";
        var invited = api.post("/api/v1/events/" + shared + "/team/invitations", owner,
                "{\"email\":\"%s\"}".formatted(address));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/events/" + shared + "/team", owner).json().get("invitations").get(0)
                .get("email").asText()).isEqualTo(address);
        String token = token(address);

        String partner = api.newOrganizerToken(); // any account of theirs: the link proves the mailbox
        JsonNode offer = api.get("/api/v1/team-invitations/" + token, partner).json();
        assertThat(offer.get("eventTitle").asText()).isEqualTo("Our wedding");
        assertThat(offer.get("role").asText()).isEqualTo("CO_ORGANIZER");
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", partner, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", api.newOrganizerToken(), "").status())
                .as("a link works once").isEqualTo(404);
        assertThat(api.get("/api/v1/organizers/me/memberships", partner).json().get(0).get("eventId").asText())
                .isEqualTo(shared);

        // the event, its guests, inviting more: the owner's event, as the owner would
        assertThat(api.get("/api/v1/events/" + shared, partner).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + shared + "/guests", partner).body()).contains("Ada");
        assertThat(api.post("/api/v1/events/" + shared + "/invitations", partner,
                "{\"guests\":[{\"name\":\"Linus\"}]}").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/events/" + shared + "/guests", owner).body()).contains("Linus");
        assertThat(api.patch("/api/v1/events/" + shared, partner, "{\"venueName\":\"The barn\"}").status())
                .isEqualTo(200);
        // from their own address book, not the owner's
        api.upload("/api/v1/contacts/import?list=Mine", partner, "mine.csv",
                "First Name,E-mail Address\nMargaret,margaret-team@example.org\n".getBytes(StandardCharsets.UTF_8));
        api.upload("/api/v1/contacts/import?list=Owners", owner, "owners.csv",
                "First Name,E-mail Address\nBarbara,barbara-team@example.org\n".getBytes(StandardCharsets.UTF_8));
        String mine = api.get("/api/v1/contact-lists", partner).json().get(0).get("id").asText();
        String owners = api.get("/api/v1/contact-lists", owner).json().get(0).get("id").asText();
        assertThat(api.post("/api/v1/events/" + shared + "/invitations", partner,
                "{\"contactListId\":\"%s\"}".formatted(mine)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/events/" + shared + "/invitations", partner,
                "{\"contactListId\":\"%s\"}".formatted(owners)).status()).as("the owner's list").isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + shared + "/guests", owner).body()).contains("Margaret")
                .doesNotContain("Barbara");

        // not the owner's: calling it off, money, its team, the other event, its guests through the shared event's path
        assertThat(api.post("/api/v1/events/" + shared + "/cancel", partner, "{}").status()).isEqualTo(404);
        String sale = "{\"currency\":\"EUR\",\"vatBasisPoints\":1900,\"feeFixedMinor\":0,\"feeBasisPoints\":0}";
        assertThat(api.put("/api/v1/events/" + shared + "/ticket-settings", partner, sale).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/events/" + shared + "/ticket-settings", owner, sale).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + shared + "/ticket-settings", partner).status())
                .as("reading the sale is theirs").isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + shared + "/team", partner).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/events/" + shared + "/team/invitations", partner,
                "{\"email\":\"friend@example.org\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + other, partner).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + other + "/guests", partner).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/events/" + shared + "/invitations/" + grace + "/revoke", partner, "").status())
                .as("an invitation of the other event, through the shared one").isEqualTo(404);
        assertThat(api.get("/api/v1/events", partner).json()).as("their own events list").isEmpty();
        assertThat(api.get("/api/v1/campaigns", partner).json()).isEmpty();
        assertThat(exchange("GET", "/api/v1/campaigns", partner, ownerId).status())
                .as("a co-organizer is not marketing").isEqualTo(403);

        String partnerId = api.get("/api/v1/organizers/me", partner).json().get("id").asText();
        assertThat(api.delete("/api/v1/events/" + shared + "/team/members/" + partnerId, owner).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/events/" + shared, partner).status()).as("removed").isEqualTo(404);
        assertThat(api.post("/api/v1/events/" + shared + "/invitations/" + ada + "/revoke", partner, "").status())
                .isEqualTo(404);
        String trail = api.get("/api/v1/organizers/me/security-events", owner).body();
        assertThat(trail).contains("TEAM_INVITE_SENT", "TEAM_JOINED", "TEAM_MEMBER_REMOVED");
        // each change the co-organizer made, on the owner's trail with who made it; reads are not changes
        assertThat(trail).contains(partnerId + " PATCH /api/v1/events/" + shared,
                        partnerId + " POST /api/v1/events/" + shared + "/invitations")
                .doesNotContain("GET /api/v1/events/" + shared + "/guests");
    }

    @Test
    void marketingWorksOnTheOwnersCampaignsThroughTheOrganizerHeader() {
        String owner = api.newOrganizerToken();
        String ownerId = api.get("/api/v1/organizers/me", owner).json().get("id").asText();
        String event = api.newEvent(owner, "Launch");
        api.invite(owner, event, "Ada");
        String address = "marketing-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/organizers/me/team/invitations", owner, "{\"email\":\"%s\"}".formatted(address))
                .status()).isEqualTo(201);
        String token = token(address);
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", owner, "").status())
                .as("the owner's own link").isEqualTo(409);
        String marketer = api.newOrganizerToken();
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", marketer, "").json().get("role")
                .asText()).isEqualTo("MARKETING");

        String campaign = """
                {"name":"Launch news","segment":{"eventIds":["%s"]},"subject":"Hi","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(event);
        var created = exchange("POST", "/api/v1/campaigns", marketer, ownerId, campaign);
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/campaigns", owner).body()).as("made in the owner's account")
                .contains("Launch news");
        assertThat(api.get("/api/v1/campaigns", marketer).json()).as("without the header: their own").isEmpty();
        assertThat(exchange("GET", "/api/v1/events", marketer, ownerId).body()).contains("Launch");
        assertThat(exchange("GET", "/api/v1/events/" + event, marketer, ownerId).status()).isEqualTo(200);
        assertThat(exchange("GET", "/api/v1/contact-lists", marketer, ownerId).status()).isEqualTo(200);

        assertThat(exchange("GET", "/api/v1/events/" + event + "/guests", marketer, ownerId).status())
                .as("the guest list is the organizers'").isEqualTo(403);
        assertThat(exchange("PATCH", "/api/v1/events/" + event, marketer, ownerId, "{\"title\":\"Mine\"}").status())
                .isEqualTo(403);
        assertThat(exchange("GET", "/api/v1/webhooks", marketer, ownerId).status()).isEqualTo(403);
        assertThat(exchange("GET", "/api/v1/campaigns", api.newOrganizerToken(), ownerId).status())
                .as("not on the team").isEqualTo(403);
        assertThat(exchange("GET", "/api/v1/campaigns", marketer, "not-an-id").status()).isEqualTo(422);

        assertThat(api.delete("/api/v1/organizers/me/memberships/" + ownerId, marketer).status()).isEqualTo(204);
        assertThat(exchange("GET", "/api/v1/campaigns", marketer, ownerId).status()).as("left").isEqualTo(403);
        assertThat(api.get("/api/v1/organizers/me/team", owner).json().get("members")).isEmpty();
    }

    @Test
    void aViewerReadsTheirEventAndChangesNothing() {
        String owner = api.newOrganizerToken();
        String event = api.newEvent(owner, "Sponsor dinner");
        String guest = api.invite(owner, event, "Ada").get(0).get("id").asText();
        String address = "viewer-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/events/" + event + "/team/invitations", owner,
                "{\"email\":\"%s\",\"role\":\"MARKETING\"}".formatted(address)).status())
                .as("marketing is no event's").isEqualTo(422);
        assertThat(api.post("/api/v1/events/" + event + "/team/invitations", owner,
                "{\"email\":\"%s\",\"role\":\"VIEWER\"}".formatted(address)).status()).isEqualTo(201);
        String mail = Mailboxes.awaitInbox(address, m -> true, 1, Duration.ofSeconds(30)).get(0).text();
        assertThat(mail).contains("to follow \"Sponsor dinner\"").contains("without changing them");
        String token = token(address);
        String viewer = api.newOrganizerToken();
        assertThat(api.get("/api/v1/team-invitations/" + token, viewer).json().get("role").asText())
                .isEqualTo("VIEWER");
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", viewer, "").status()).isEqualTo(200);

        assertThat(api.get("/api/v1/events/" + event, viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + event + "/guests", viewer).body()).contains("Ada");
        assertThat(api.get("/api/v1/events/" + event + "/guests.csv", viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + event + "/discount-codes", viewer).status())
                .as("codes are to use, not to read").isEqualTo(403);
        var changed = api.patch("/api/v1/events/" + event, viewer, "{\"venueName\":\"The barn\"}");
        assertThat(changed.status()).isEqualTo(403);
        assertThat(changed.json().get("detail").asText()).contains("viewer");
        assertThat(api.post("/api/v1/events/" + event + "/invitations", viewer,
                "{\"guests\":[{\"name\":\"Linus\"}]}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/events/" + event + "/invitations/" + guest + "/revoke", viewer, "").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/events/" + event + "/team", viewer).status()).as("the team is the owner's")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + event + "/guests", owner).body()).doesNotContain("Linus");
        assertThat(api.get("/api/v1/events/" + event, owner).json().path("venueName").asText())
                .isNotEqualTo("The barn");
    }

    @Test
    void aWithdrawnInvitationOpensNothing() {
        String owner = api.newOrganizerToken();
        String event = api.newEvent(owner, "Reunion");
        String address = "withdrawn-" + UUID.randomUUID() + "@example.org";
        String id = api.post("/api/v1/events/" + event + "/team/invitations", owner,
                "{\"email\":\"%s\"}".formatted(address)).json().get("id").asText();
        String token = token(address);
        assertThat(api.post("/api/v1/events/" + event + "/team/invitations", owner, "{\"email\":\"not an address\"}")
                .status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/events/" + event + "/team/invitations/" + id, owner).status()).isEqualTo(204);
        String someone = api.newOrganizerToken();
        assertThat(api.get("/api/v1/team-invitations/" + token, someone).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/team-invitations/" + token + "/accept", someone, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + event, someone).status()).isEqualTo(404);
    }

    /** Owners' names are sealed with their accounts, so the teams one is on are ordered once opened. */
    @Test
    void theTeamsOneIsOnAreListedByTheirOwnersNames() {
        String member = api.newOrganizerToken();
        for (String owner : List.of("Zora", "ada", "Émile")) {
            String email = owner.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org";
            api.signUpConfirmed(email.replace("é", "e"), "correct horse", owner);
            String token = api.signIn(email.replace("é", "e"), "correct horse");
            String event = api.newEvent(token, owner + "'s party");
            String address = "member-of-" + UUID.randomUUID() + "@example.org";
            assertThat(api.post("/api/v1/events/" + event + "/team/invitations", token,
                    "{\"email\":\"%s\"}".formatted(address)).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/team-invitations/" + token(address) + "/accept", member, "").status())
                    .isEqualTo(200);
        }

        assertThat(api.get("/api/v1/organizers/me/memberships", member).json().findValuesAsText("ownerName"))
                .containsExactly("ada", "Émile", "Zora");
    }

    /** The token of the join link in the first mail to {@code address}. */
    static String token(String address) {
        String mail = Mailboxes.awaitInbox(address, m -> true, 1, Duration.ofSeconds(30)).get(0).text();
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }

    private Api.Response exchange(String method, String path, String token, String organizer) {
        return exchange(method, path, token, organizer, null);
    }

    private Api.Response exchange(String method, String path, String token, String organizer, String json) {
        return api.exchange(path, b -> b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header(TeamPolicy.ORGANIZER_HEADER, organizer));
    }
}
