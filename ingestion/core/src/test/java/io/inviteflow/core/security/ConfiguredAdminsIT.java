package io.inviteflow.core.security;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address listed among the admins counts only once its owner has confirmed it through the link mailed at sign-up,
 * with the account's password (outside the local stack, which trusts its list): whoever signs up first with a listed
 * address cannot have the address's owner confirm it for them.
 */
class ConfiguredAdminsIT extends CoreIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http\\S+(/verify-email/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;

    @Test
    void aListedAddressIsAnAdminOnceItsOwnerConfirmedIt() {
        var api = new Api(port);
        String email = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var signedUp = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Ops\"}".formatted(email));
        assertThat(signedUp.status()).isEqualTo(201);
        UUID id = UUID.fromString(signedUp.json().get("id").asText());
        String token = signInAsOfEarlierRelease(api, id, email);
        Roles untrusting = new Roles(jdbc, index, List.of(email.toUpperCase()), List.of(), false);

        assertThat(untrusting.isAdmin(id)).as("listed, not confirmed").isFalse();
        assertThat(new Roles(jdbc, index, List.of(email), List.of(), true).isAdmin(id)).as("the local stack trusts its list").isTrue();
        assertThat(api.get("/api/v1/organizers/me/email-verification", token).json().get("verified").asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/organizers/me", token).json().get("emailVerified").asBoolean()).isFalse();

        Mailboxes.Mail mail = Mailboxes.awaitInbox(email, Mailboxes.subject("Confirm your Inviteflow address"), 1,
                Duration.ofSeconds(30)).get(0);
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        assertThat(api.getAs(link.group(1), "test").body()).as("opening the link only asks").contains(email);
        assertThat(api.postForm(link.group(1), "").status()).as("the mailbox alone: no").isEqualTo(422);
        var wrong = api.postForm(link.group(1), "password=guess");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("not the account");
        assertThat(untrusting.isAdmin(id)).isFalse();
        assertThat(api.postForm(link.group(1), "password=correct+horse").body()).contains("Address confirmed");

        assertThat(untrusting.isAdmin(id)).as("listed and confirmed").isTrue();
        assertThat(new Roles(jdbc, index, List.of(), List.of(), false).isAdmin(id)).as("confirmed, not listed").isFalse();
        assertThat(api.get("/api/v1/organizers/me/email-verification", token).json().get("verified").asBoolean())
                .isTrue();
        assertThat(api.postForm(link.group(1), "password=correct+horse").status()).as("a link works once")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/organizers/me", token).json().get("emailVerified").asBoolean()).isTrue();
    }

    /** The ML team like the admins: listed and confirmed, or stored; an admin is on it too; the console reads /me. */
    @Test
    void theMlTeamIsARoleOfItsOwnAndTheAccountsRolesAreOnMe() {
        var api = new Api(port);
        String token = api.newOrganizerToken();
        var me = api.get("/api/v1/organizers/me", token).json();
        UUID id = UUID.fromString(me.get("id").asText());
        String email = me.get("email").asText();
        assertThat(me.get("roles")).as("an organizer, nothing more").isEmpty();
        jdbc.sql("UPDATE organizer SET email_verified_at = now() WHERE id = :id").param("id", id).update();

        assertThat(new Roles(jdbc, index, List.of(), List.of(email), false).of(id)).containsExactly(Roles.ML);
        assertThat(new Roles(jdbc, index, List.of(email), List.of(), false).of(id)).containsExactly(Roles.ADMIN, Roles.ML);
        assertThat(new Roles(jdbc, index, List.of(), List.of(), false).of(id)).isEmpty();

        jdbc.sql("INSERT INTO organizer_role (organizer_id, role, granted_by) VALUES (:id, 'ML', 'test')")
                .param("id", id).update();
        assertThat(api.get("/api/v1/organizers/me", token).json().get("roles").toString()).isEqualTo("[\"ML\"]");
        assertThat(api.get("/api/v1/organizers/me", api.adminToken()).json().get("roles").toString())
                .isEqualTo("[\"ADMIN\",\"ML\"]");
        assertThat(api.get("/api/v1/admin/privacy/requests", token).status()).as("ML is not admin").isEqualTo(403);
    }

    @Test
    void aNewLinkIsMailedOnRequestThreeTimesADayAtMost() {
        var api = new Api(port);
        String email = "resend-" + UUID.randomUUID() + "@example.org";
        var signedUp = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Ops\"}".formatted(email));
        // its sign-up sent the first link
        String token = signInAsOfEarlierRelease(api, UUID.fromString(signedUp.json().get("id").asText()), email);
        assertThat(api.post("/api/v1/organizers/me/email-verification", token, "{}").status()).isEqualTo(202);
        assertThat(api.post("/api/v1/organizers/me/email-verification", token, "{}").status()).isEqualTo(202);
        assertThat(api.post("/api/v1/organizers/me/email-verification", token, "{}").status()).isEqualTo(429);
    }

    /**
     * Signs in to an account as one of a release before V43, which signs in before its address is confirmed (a new
     * account cannot: {@code AccountApiIT}), so what an unconfirmed account sees can be read.
     */
    private String signInAsOfEarlierRelease(Api api, UUID id, String email) {
        jdbc.sql("UPDATE organizer SET sign_in_awaits_confirmation = false WHERE id = :id").param("id", id).update();
        return api.signIn(email, "correct horse");
    }
}
