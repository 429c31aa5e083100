package io.inviteflow.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.security.PersonalText;
import io.inviteflow.core.support.PaidEventTest;
import io.inviteflow.core.support.StoredGuestNames;
import io.inviteflow.core.support.StoredWords;
import io.inviteflow.testsupport.ActivityReader;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An organizer's own copy of their data, the account included; and an organizer closing their account: refused while an
 * event still concerns guests; then the account opens no more, its address may sign up anew, and nothing it held about
 * its guests, buyers, contacts and teams is left in clear or openable, while the orders keep their amounts.
 */
class OwnAccountIT extends PaidEventTest {

    private static final Pattern TEAM_LINK = Pattern.compile("http\\S+/join/([A-Za-z0-9_-]+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalText text;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "closing-" + run + "@example.org";
    private final String hostName = "Ada Closing" + run;
    private final String guestName = "Grace Guest" + run;
    private final String contactSurname = "Contact" + run;
    private final String title = "Garden party " + run;

    @Test
    void anOrganizerClosesTheirAccountAndWhatItHeldGoesWithIt() throws Exception {
        api.signUpConfirmed(email, "correct horse", hostName);
        organizer = api.signIn(email, "correct horse");
        UUID organizerId = UUID.fromString(api.get("/api/v1/organizers/me", organizer).json().get("id").asText());
        List<String> paid = paidEvent(title, 2_500, 10);
        String event = paid.get(0);
        JsonNode invited = ok(api.post("/api/v1/events/" + event + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"%s\",\"email\":\"grace-%s@example.org\"}]}".formatted(guestName, run)), 201)
                .get("invitations").get(0);
        String guestToken = invited.get("token").asText();
        UUID invitation = UUID.fromString(invited.get("id").asText());
        String orderId = paidOrder(guestToken, paid.get(1), 2).get("id").asText();
        assertThat(api.upload("/api/v1/contacts/import?list=Friends", organizer, "friends.csv", """
                First Name,Last Name,E-mail Address
                Linus,%s,linus-%s@example.org
                """.formatted(contactSurname, run).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        String memberAddress = "member-" + run + "@example.org";
        api.signUpConfirmed(memberAddress, "correct horse", "Member");
        String member = api.signIn(memberAddress, "correct horse");
        ok(api.post("/api/v1/events/" + event + "/team/invitations", organizer,
                "{\"email\":\"%s\"}".formatted(memberAddress)), 201);
        ok(api.post("/api/v1/team-invitations/" + teamToken(memberAddress) + "/accept", member, ""), 200);

        JsonNode closability = ok(api.get("/api/v1/organizers/me/closure", organizer), 200);
        assertThat(closability.get("closable").asBoolean()).isFalse();
        assertThat(closability.get("blockers").findValuesAsText("title")).containsExactly(title);
        assertThat(api.post("/api/v1/organizers/me/closure", organizer, "{\"password\":\"correct horse\"}").status())
                .as("the party is still to come").isEqualTo(409);

        jdbc.sql("UPDATE party_event SET starts_at = now() - interval '30 days', ends_at = NULL WHERE id = :id")
                .param("id", UUID.fromString(event)).update(); // a month on: the party is over
        assertThat(ok(api.get("/api/v1/organizers/me/closure", organizer), 200).get("closable").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/organizers/me/closure", organizer, "{\"password\":\"wrong horse\"}").status())
                .isEqualTo(422);
        JsonNode closed = ok(api.post("/api/v1/organizers/me/closure", organizer,
                "{\"password\":\"correct horse\"}"), 200);

        assertThat(closed.at("/erased/invitations").asInt()).isEqualTo(1);
        assertThat(closed.at("/erased/ticket_orders").asInt()).isEqualTo(1);
        assertThat(closed.at("/erased/tickets").asInt()).isEqualTo(2);
        assertThat(closed.at("/erased/contacts").asInt()).isEqualTo(1);
        assertThat(closed.at("/erased/team_members").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/organizers/me", organizer).status()).as("its tokens are refused").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\"}".formatted(email)).status()).isEqualTo(401);
        assertThat(api.getAs("/i/" + guestToken, "test").status()).as("the guest's link opens nothing").isEqualTo(404);
        assertThat(ok(api.get("/api/v1/organizers/me/memberships", member), 200)).as("its team is gone").isEmpty();
        assertThat(api.get("/api/v1/events/" + event, member).status()).isEqualTo(404);

        assertThat(StoredWords.columnsHolding(jdbc, email, hostName, guestName, contactSurname, title, memberAddress))
                .as("PostgreSQL after the closing").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM person_secret WHERE person_key = :key")
                .param("key", PersonalText.organizerKey(organizerId)).query(Long.class).single())
                .as("the account's secret: its sealed address and name in any backup open no more").isZero();
        assertThat(StoredGuestNames.of(jdbc, text, invitation)).isEqualTo(PersonalDataErasure.ERASED_NAME);
        assertThat(jdbc.sql("SELECT status || ' ' || total_minor FROM ticket_order WHERE id = :id")
                .param("id", UUID.fromString(orderId)).query(String.class).single())
                .as("the books keep the sale").isEqualTo("PAID 5000");
        try (var reader = new ActivityReader(TOPIC)) {
            List<ActivityReader.Message> all = reader.readUntil(
                    read -> read.stream().anyMatch(m -> erasing(m, invitation)), Duration.ofSeconds(30));
            assertThat(all).as("the streaming job and batch-jobs are told to forget the guest")
                    .anySatisfy(m -> assertThat(erasing(m, invitation)).isTrue());
        }

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO party_event (id, organizer_id, title, starts_at, time_zone) "
                        + "VALUES (:id, :org, 'Late', now(), 'UTC')").param("id", UUID.randomUUID())
                .param("org", organizerId).update())
                .as("a request that passed its token check before the closing adds nothing to it")
                .hasMessageContaining("the organizer's account is closed");

        api.signUpConfirmed(email, "another horse", "Ada");
        String again = api.signIn(email, "another horse");
        assertThat(api.get("/api/v1/organizers/me", again).json().get("id").asText())
                .as("the address is free for a new account").isNotEqualTo(organizerId.toString());
        assertThat(api.get("/api/v1/events/" + event, again).status()).isEqualTo(404);
        JsonNode trail = ok(api.get("/api/v1/admin/privacy/requests", api.adminToken()), 200);
        assertThat(trail.findValuesAsText("kind")).contains("ACCOUNT_CLOSURE");
        assertThat(trail.toString()).doesNotContain(email);
    }

    @Test
    void aCancelledEventKeepsTheAccountOpenUntilItsBuyersAreRefunded() {
        List<String> paid = paidEvent("Cancelled concert " + run, 1_000, 5);
        String guest = ok(api.post("/api/v1/events/" + paid.get(0) + "/invitations", organizer,
                "{\"guests\":[{\"name\":\"Buyer\"}]}"), 201).get("invitations").get(0).get("token").asText();
        String orderId = paidOrder(guest, paid.get(1), 1).get("id").asText();
        String unsold = api.newEvent(organizer, "Nobody came " + run);
        ok(api.post("/api/v1/events/" + paid.get(0) + "/cancel", organizer, "{}"), 200);
        ok(api.post("/api/v1/events/" + unsold + "/cancel", organizer, "{}"), 200);

        JsonNode blockers = ok(api.get("/api/v1/organizers/me/closure", organizer), 200).get("blockers");
        assertThat(blockers.findValuesAsText("title")).as("the cancelled event without sales keeps nothing open")
                .containsExactly("Cancelled concert " + run);
        assertThat(blockers.get(0).get("reason").asText()).contains("refunded");

        jdbc.sql("UPDATE ticket_order SET status = 'REFUNDED' WHERE id = :id").param("id", UUID.fromString(orderId))
                .update(); // as the refunds job leaves it
        assertThat(ok(api.get("/api/v1/organizers/me/closure", organizer), 200).get("closable").asBoolean()).isTrue();
    }

    @Test
    void anAdminClosesAnAccountOnItsOrganizersRequest() {
        String subject = "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}";
        api.signUpConfirmed(email, "correct horse", hostName);
        String token = api.signIn(email, "correct horse");
        assertThat(api.post("/api/v1/admin/privacy/account-closures", organizer, subject).status()).isEqualTo(403);
        String admin = api.adminToken();
        assertThat(api.post("/api/v1/admin/privacy/account-closures", admin,
                "{\"email\":\"nobody-" + run + "@example.org\",\"password\":\"correct horse\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/admin/privacy/account-closures", admin, "{}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/admin/privacy/account-closures", admin, "{\"email\":\"" + email + "\"}")
                .status()).as("the admin's own password: it cannot be undone").isEqualTo(422);
        assertThat(api.get("/api/v1/organizers/me", token).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/admin/privacy/account-closures", admin, subject).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizers/me", token).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/privacy/account-closures", admin, subject).status())
                .as("closed already: no account has the address").isEqualTo(404);
    }

    @Test
    void anOrganizersCopyHoldsTheirAccountAndTheEventsTheyMade() throws Exception {
        api.signUpConfirmed(email, "correct horse", hostName);
        String token = api.signIn(email, "correct horse");
        api.newEvent(token, title);

        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/organizers/me/data-export"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        JsonNode person = new ObjectMapper().readTree(entry(answer.body(), "person.json"));

        JsonNode account = person.get("organizer_account").get(0);
        assertThat(account.get("email").asText()).isEqualTo(email);
        assertThat(account.get("name").asText()).isEqualTo(hostName);
        assertThat(account.get("second_factor").asBoolean()).isFalse();
        assertThat(person.get("organizer_events").findValuesAsText("title")).containsExactly(title);
        assertThat(person.get("organizer_events").get(0).get("venue_address").asText()).contains("Berlin");
        assertThat(person.get("organizer_security_trail").findValuesAsText("action")).contains("SIGNED_IN");
        assertThat(entry(answer.body(), "README.txt")).contains("organizer_account");

        assertThat(api.post("/api/v1/organizers/me/data-export", null, "").status()).isEqualTo(401);
        jdbc.sql("UPDATE organizer SET email_verified_at = NULL WHERE id = :id")
                .param("id", UUID.fromString(account.get("id").asText())).update(); // as an account made before V43
        assertThat(api.post("/api/v1/organizers/me/data-export", token, "").status())
                .as("what others hold about an address its maker may not own").isEqualTo(409);
    }

    private static String entry(byte[] zip, String name) throws java.io.IOException {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the archive");
    }

    private static boolean erasing(ActivityReader.Message m, UUID invitation) {
        return m.activity().type() == ActivityType.PERSON_ERASED
                && m.activity().payload().get("invitationIds").toString().contains(invitation.toString());
    }

    private static String teamToken(String address) {
        String mail = Mailboxes.awaitInbox(address, m -> m.text().contains("/join/"), 1, Duration.ofSeconds(30))
                .get(0).text();
        Matcher m = TEAM_LINK.matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }
}
