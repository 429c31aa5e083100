package io.inviteflow.core.account;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.Mailboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void signsUpConfirmsTheAddressAndSignsIn() {
        String email = "Grace." + UUID.randomUUID() + "@Example.org";
        var first = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"hopper-1906\",\"name\":\"Grace\"}".formatted(email));
        var early = api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"hopper-1906\"}".formatted(email));
        api.confirmAddress(email, "hopper-1906");
        var token = api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"hopper-1906\"}".formatted(email.toUpperCase()));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("id").asText()).isNotBlank();
        assertThat(first.body()).doesNotContain("hopper-1906").doesNotContain("password");
        assertThat(early.status()).as("not before the address is confirmed").isEqualTo(401);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("accessToken").asText()).contains(".");
    }

    /**
     * Signing up with someone's address, then signing in with the password just chosen: if the sign-in worked only
     * for an address that had no account, the pair would tell which addresses have one. Until the new account's
     * address is confirmed its right password is refused like a wrong one, and mails the link again instead.
     */
    @Test
    void signingUpThenInDoesNotTellWhetherTheAddressHadAnAccount() {
        String taken = "owner-" + UUID.randomUUID() + "@example.org";
        String free = "free-" + UUID.randomUUID() + "@example.org";
        api.signUpConfirmed(taken, "owners-own-1", "Owner");
        String probe = "{\"email\":\"%s\",\"password\":\"probing-123\",\"name\":\"Probe\"}";
        String signIn = "{\"email\":\"%s\",\"password\":\"probing-123\"}";

        var toTaken = api.post("/api/v1/organizers", null, probe.formatted(taken));
        var toFree = api.post("/api/v1/organizers", null, probe.formatted(free));
        var intoTaken = api.post("/api/v1/auth/token", null, signIn.formatted(taken));
        var intoFree = api.post("/api/v1/auth/token", null, signIn.formatted(free));

        assertThat(toTaken.status()).isEqualTo(toFree.status()).isEqualTo(201);
        assertThat(intoTaken.status()).isEqualTo(intoFree.status()).isEqualTo(401);
        assertThat(intoTaken.body()).isEqualTo(intoFree.body());
        assertThat(Mailboxes.awaitInbox(free, Mailboxes.subject("Confirm your Inviteflow address"), 2,
                Duration.ofSeconds(30))).as("the sign-in mailed the link again").hasSize(2);
        api.confirmAddress(free, "probing-123");
        String token = api.signIn(free, "probing-123");
        assertThat(api.get("/api/v1/organizers/me/security-events", token).body())
                .contains("SIGN_IN_FAILED", "address not confirmed yet", "SIGNED_IN");
        assertThat(api.signIn(taken, "owners-own-1")).as("the owner's account is as it was").isNotBlank();
    }

    /**
     * A sign-up with a taken address gets the answer a new one gets (so nobody learns which addresses have accounts);
     * no account is made, the owner is told by mail, three times a day at most, and each attempt is on their trail.
     */
    @Test
    void aSignUpWithATakenAddressLooksLikeAnyOtherAndTellsTheOwner() {
        String email = "taken-" + UUID.randomUUID() + "@example.org";
        var first = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"hopper-1906\",\"name\":\"Grace\"}".formatted(email));
        var again = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"other-pass\",\"name\":\"Imposter\"}".formatted(email.toUpperCase()));

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(again.json().fieldNames()).toIterable().containsExactlyElementsOf(
                () -> first.json().fieldNames());
        assertThat(again.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
        api.confirmAddress(email, "hopper-1906");
        assertThat(api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"other-pass\"}".formatted(email)).status())
                .as("no account with the second password").isEqualTo(401);
        String token = api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"hopper-1906\"}".formatted(email)).json().get("accessToken")
                .asText();
        assertThat(api.get("/api/v1/organizers/me", token).json().get("name").asText()).isEqualTo("Grace");

        for (int i = 0; i < TakenAddressNotice.MAILS_PER_DAY; i++) {
            assertThat(api.post("/api/v1/organizers", null,
                    "{\"email\":\"%s\",\"password\":\"other-pass\",\"name\":\"X\"}".formatted(email)).status())
                    .isEqualTo(201);
        }
        // account mail goes out one after another after the answers: once a later sign-up's is out, these are settled
        String marker = "marker-" + UUID.randomUUID() + "@example.org";
        api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"M\"}".formatted(marker));
        Mailboxes.awaitInbox(marker, Mailboxes.subject("Confirm your Inviteflow address"), 1, Duration.ofSeconds(30));
        var notices = Mailboxes.awaitInbox(email, Mailboxes.subject("Someone tried to sign up"),
                TakenAddressNotice.MAILS_PER_DAY, Duration.ofSeconds(30));
        assertThat(notices.get(0).text()).contains("already has one").doesNotContain("Imposter", "other-pass");
        assertThat(Mailboxes.awaitInbox(email, Mailboxes.subject("Confirm your Inviteflow address"), 1,
                Duration.ofSeconds(30))).as("only the first sign-up's confirmation").hasSize(1);
        assertThat(Mailboxes.inbox(email)).filteredOn(Mailboxes.subject("Someone tried to sign up"))
                .as("three a day, not four").hasSize(TakenAddressNotice.MAILS_PER_DAY);
        assertThat(api.get("/api/v1/organizers/me/security-events", token).body())
                .contains("SIGN_UP_TO_TAKEN_ADDRESS");
    }

    @Test
    void theSignedInOrganizerReadsTheirOwnAccountAndNobodyElseDoes() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        var created = api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"engines-1843\",\"name\":\"Ada\"}".formatted(email));
        api.confirmAddress(email, "engines-1843");
        String token = api.signIn(email, "engines-1843");

        var me = api.get("/api/v1/organizers/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(created.json().get("id").asText());
        assertThat(me.json().get("email").asText()).isEqualTo(email);
        assertThat(me.body()).doesNotContain("engines-1843");
        assertThat(api.get("/api/v1/organizers/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/organizers/me", "forged").status()).isEqualTo(401);
    }

    @Test
    void refusesWrongPasswordsAndUnknownEmailsAlike() {
        String email = "linus-" + UUID.randomUUID() + "@example.org";
        api.post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"penguins!\",\"name\":\"Linus\"}".formatted(email));

        var wrong = api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"walruses!\"}".formatted(email));
        var unknown = api.post("/api/v1/auth/token", null,
                "{\"email\":\"nobody-%s\",\"password\":\"penguins!\"}".formatted(email));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        var badEmail = api.post("/api/v1/organizers", null,
                "{\"email\":\"not-an-email\",\"password\":\"long enough\",\"name\":\"X\"}");
        var shortPassword = api.post("/api/v1/organizers", null,
                "{\"email\":\"a@example.org\",\"password\":\"short\",\"name\":\"X\"}");
        var notJson = api.post("/api/v1/organizers", null, "{\"email\": ");
        // bcrypt reads 72 bytes and Spring's encoder refuses more: 19 emoji are 76 bytes in 38 chars
        var tooLong = api.post("/api/v1/organizers", null,
                "{\"email\":\"long-%s@example.org\",\"password\":\"%s\",\"name\":\"X\"}"
                        .formatted(UUID.randomUUID(), "🎂".repeat(19)));
        var blank = api.post("/api/v1/organizers", null,
                "{\"email\":\"blank-%s@example.org\",\"password\":\"          \",\"name\":\"X\"}"
                        .formatted(UUID.randomUUID()));

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("field").asText()).isEqualTo("email");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("field").asText()).isEqualTo("password");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("detail").asText()).contains("at most 72 bytes");
        assertThat(blank.status()).isEqualTo(400);
    }
}
