package io.inviteflow.core.account;

import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forgotten password: the same answer for any address, a link mailed only to an account's address (three a day),
 * a page that asks before it changes anything, a new password that signs out every earlier token, a link that works
 * once.
 */
class PasswordResetIT extends CoreIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http\\S+(/reset-password/[A-Za-z0-9_-]+)");
    private static final String SUBJECT = "Choose a new Inviteflow password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlindIndex index;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aMailedLinkSetsANewPasswordOnceAndSignsOutEverythingBefore() {
        String email = "forgetful-" + UUID.randomUUID() + "@example.org";
        signUp(email, "first-password");
        String before = signIn(email, "first-password");
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";

        assertThat(ask(nobody)).as("an address without an account").isEqualTo(202);
        assertThat(ask(email.toUpperCase())).isEqualTo(202);
        assertThat(api.post("/api/v1/auth/password-reset", null, "{\"email\":\"not an address\"}").status())
                .isEqualTo(400);
        String link = link(Mailboxes.awaitInbox(email, Mailboxes.subject(SUBJECT), 1, Duration.ofSeconds(30))
                .get(0).text());
        assertThat(Mailboxes.inbox(nobody)).as("mailed in order: nobody's request came first").isEmpty();

        assertThat(api.getAs(link, "test").body()).as("opening the link only asks").contains(email, "New password");
        assertThat(signInStatus(email, "first-password")).isEqualTo(200);
        var tooShort = api.postForm(link, "password=short");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 8 characters");
        var tooLong = api.postForm(link, "password=" + java.net.URLEncoder.encode("🎂".repeat(19),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(tooLong.status()).as("more than bcrypt reads").isEqualTo(422);

        assertThat(api.postForm(link, "password=second+password").body()).contains("Password changed");

        assertThat(signInStatus(email, "first-password")).isEqualTo(401);
        String after = signIn(email, "second password");
        assertThat(api.get("/api/v1/organizers/me", before).status()).as("a token from before").isEqualTo(401);
        assertThat(api.postForm(link, "password=third+password").status()).as("a link works once").isEqualTo(404);
        assertThat(api.get("/api/v1/organizers/me/security-events", after).body())
                .contains("PASSWORD_RESET_ASKED", "\"PASSWORD_RESET\"");
    }

    /**
     * A new account that never opened its confirmation link: a password set through a link mailed to the address
     * proves the mailbox as well, so it confirms the address, and the account signs in.
     */
    @Test
    void aPasswordResetThroughTheMailboxConfirmsTheAddress() {
        String email = "unconfirmed-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/organizers", null, "{\"email\":\"%s\",\"password\":\"forgotten-1\",\"name\":\"Ada\"}"
                .formatted(email)).status()).isEqualTo(201);
        assertThat(signInStatus(email, "forgotten-1")).as("waits for its address").isEqualTo(401);

        assertThat(ask(email)).isEqualTo(202);
        String link = link(Mailboxes.awaitInbox(email, Mailboxes.subject(SUBJECT), 1, Duration.ofSeconds(30))
                .get(0).text());
        assertThat(api.postForm(link, "password=remembered+now").body()).contains("Password changed");

        String token = signIn(email, "remembered now");
        assertThat(api.get("/api/v1/organizers/me", token).json().get("emailVerified").asBoolean()).isTrue();
    }

    /**
     * Someone signed up with another's address before sign-in waited for confirmation (V43), and turned on two-factor
     * sign-in: the mailbox's owner resets the password, and the squatter's app no longer stands in their way. An
     * account whose address was confirmed keeps its app through a reset.
     */
    @Test
    void aResetThatConfirmsTheAddressTakesTheSecondFactorOfTheAccountBefore() {
        String squatted = "squatted-" + UUID.randomUUID() + "@example.org";
        String own = "own-" + UUID.randomUUID() + "@example.org";
        for (String email : java.util.List.of(squatted, own)) {
            signUp(email, "first-password");
            String token = signIn(email, "first-password");
            assertThat(api.post("/api/v1/webhooks", token, "{\"url\":\"https://hooks.example.org/\","
                    + "\"types\":[\"RSVP_ANSWERED\"]}").status()).isEqualTo(201);
            enrolAnApp(token);
            assertThat(signInStatus(email, "first-password")).as("asks for the app's code").isEqualTo(401);
        }
        jdbc.sql("UPDATE organizer SET email_verified_at = NULL, sign_in_awaits_confirmation = false "
                + "WHERE email_index = :index").param("index", index.ofEmail(squatted)).update(); // as before V43

        for (String email : java.util.List.of(squatted, own)) {
            assertThat(ask(email)).isEqualTo(202);
            String link = link(Mailboxes.awaitInbox(email, Mailboxes.subject(SUBJECT), 1, Duration.ofSeconds(30))
                    .get(0).text());
            assertThat(api.postForm(link, "password=owner+password").body()).contains("Password changed");
        }

        assertThat(signInStatus(squatted, "owner password")).as("no code asked any more").isEqualTo(200);
        assertThat(api.get("/api/v1/organizers/me/security-events", signIn(squatted, "owner password")).body())
                .contains("RECLAIMED_BY_RESET");
        assertThat(api.get("/api/v1/webhooks", signIn(squatted, "owner password")).json())
                .as("the maker's webhook no longer receives the owner's guests' answers").isEmpty();
        assertThat(signInStatus(own, "owner password")).as("a confirmed account keeps its app").isEqualTo(401);
    }

    private void enrolAnApp(String token) {
        var enrolment = api.post("/api/v1/organizers/me/second-factor", token, "{\"password\":\"first-password\"}");
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(enrolment.json().get("secret").asText());
        assertThat(api.post("/api/v1/organizers/me/second-factor/confirm", token, "{\"code\":\"%s\"}"
                .formatted(new TotpCodes().codeAt(secret, java.time.Instant.now()))).status()).isEqualTo(200);
    }

    @Test
    void anAddressGetsThreeLinksADay() {
        String email = "many-" + UUID.randomUUID() + "@example.org";
        String marker = "marker-" + UUID.randomUUID() + "@example.org";
        signUp(email, "correct horse");
        signUp(marker, "correct horse");

        for (int i = 0; i <= PasswordResets.LINKS_PER_DAY; i++) {
            assertThat(ask(email)).isEqualTo(202);
        }
        ask(marker); // links are made one after another: once the marker's is out, the others' are settled
        Mailboxes.awaitInbox(marker, Mailboxes.subject(SUBJECT), 1, Duration.ofSeconds(30));

        assertThat(Mailboxes.inbox(email)).filteredOn(Mailboxes.subject(SUBJECT))
                .hasSize(PasswordResets.LINKS_PER_DAY);
    }

    private int ask(String email) {
        return api.post("/api/v1/auth/password-reset", null, "{\"email\":\"%s\"}".formatted(email)).status();
    }

    private void signUp(String email, String password) {
        api.signUpConfirmed(email, password, "Ada");
    }

    private String signIn(String email, String password) {
        return api.post("/api/v1/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))
                .json().get("accessToken").asText();
    }

    private int signInStatus(String email, String password) {
        return api.post("/api/v1/auth/token", null, "{\"email\":\"%s\",\"password\":\"%s\"}"
                .formatted(email, password)).status();
    }

    private static String link(String mail) {
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }
}
