package io.inviteflow.core.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in, locks after failed attempts, signing out, a new password, the audit trail. */
@TestPropertySource(properties = {"inviteflow.sign-in.failures-before-lock=4", "inviteflow.sign-in.lock=10m"})
class SignInIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;

    private final TotpCodes codes = new TotpCodes();

    @Test
    void twoFactorSignInAsksForACodeOncePerChallengeAndAcceptsEachCodeAndRecoveryCodeOnce() {
        var api = new Api(port);
        String email = signUp(api);
        String token = signIn(api, email, "correct horse").json().get("accessToken").asText();

        assertThat(api.post("/api/v1/organizers/me/second-factor", token, "{\"password\":\"wrong\"}").status())
                .as("a stolen token alone cannot enrol another app").isEqualTo(422);
        JsonNode enrolment = api.post("/api/v1/organizers/me/second-factor", token,
                "{\"password\":\"correct horse\"}").json();
        byte[] secret = new Base32().decode(enrolment.get("secret").asText());
        assertThat(enrolment.get("otpauthUri").asText()).startsWith("otpauth://totp/Inviteflow%3A")
                .contains("secret=" + enrolment.get("secret").asText()).contains("issuer=Inviteflow");
        assertThat(enrolment.get("qrCode").asText()).startsWith("data:image/svg+xml;base64,");
        assertThat(api.post("/api/v1/organizers/me/second-factor/confirm", token, code("000000")).status())
                .as("a wrong first code").isEqualTo(422);
        JsonNode confirmed = api.post("/api/v1/organizers/me/second-factor/confirm", token,
                code(codes.codeAt(secret, Instant.now()))).json();
        List<String> recovery = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(c -> recovery.add(c.asText()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));

        var asked = signIn(api, email, "correct horse");
        assertThat(asked.status()).isEqualTo(401);
        assertThat(asked.json().get("secondFactorRequired").asBoolean()).isTrue();
        String challenge = asked.json().get("challenge").asText();
        assertThat(api.get("/api/v1/organizers/me", challenge).status()).as("a challenge is no access token")
                .isEqualTo(401);
        assertThat(answer(api, challenge, "123456").status()).as("a wrong code").isEqualTo(401);
        // the step after the current one: the confirmation used the current step's code
        String next = codes.codeAt(secret, Instant.now().plusSeconds(30));
        var signedIn = answer(api, challenge, next);
        assertThat(signedIn.status()).as("a mistyped code may be typed again").isEqualTo(200);
        assertThat(answer(api, challenge, recovery.get(5)).status()).as("a challenge that signed in is spent")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/organizers/me", signedIn.json().get("accessToken").asText()).status())
                .isEqualTo(200);
        assertThat(answer(api, challenge(api, email), next).status()).as("the same code again: a replay")
                .isEqualTo(401);
        assertThat(answer(api, challenge(api, email), recovery.get(0).toUpperCase()).status())
                .as("a recovery code, typed in capitals").isEqualTo(200);
        assertThat(answer(api, challenge(api, email), recovery.get(0)).status()).as("a recovery code is used up")
                .isEqualTo(401);

        assertThat(api.exchange("/api/v1/organizers/me/second-factor", r -> r.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(code(recovery.get(1))))).status())
                .isEqualTo(204);
        assertThat(signIn(api, email, "correct horse").status()).as("two-factor sign-in is off").isEqualTo(200);

        List<String> trail = new ArrayList<>();
        api.get("/api/v1/organizers/me/security-events", token).json().forEach(e -> trail.add(e.get("action").asText()));
        assertThat(trail).contains("SIGNED_UP", "TOTP_ENABLED", "SECOND_FACTOR_FAILED", "RECOVERY_CODE_USED",
                "TOTP_DISABLED", "SIGNED_IN");
        assertThat(trail.get(0)).as("newest first").isEqualTo("SIGNED_IN");
    }

    @Test
    void anAddressIsLockedAfterFailuresInARowWhetherOrNotAnAccountHasIt() {
        var api = new Api(port);
        String email = signUp(api);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";

        for (String address : List.of(email, unknown)) {
            assertThat(signIn(api, address, "wrong one").status()).isEqualTo(401);
            assertThat(signIn(api, address, "wrong two").status()).isEqualTo(401);
            assertThat(signIn(api, address, "wrong three").status()).isEqualTo(401);
            assertThat(signIn(api, address, "wrong four").status()).isEqualTo(401);
            var fifth = signIn(api, address, "wrong five");
            assertThat(fifth.status()).as("after four failures in a row " + address + " is locked").isEqualTo(429);
            assertThat(Long.parseLong(fifth.raw().headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(590L, 601L);
            assertThat(fifth.json().get("detail").asText()).contains("too many failed sign-ins");
        }
        var locked = signIn(api, email, "correct horse");
        assertThat(locked.status()).as("even the right password while locked").isEqualTo(429);
        assertThat(signIn(api, email.toUpperCase(), "correct horse").status()).as("the address folded")
                .isEqualTo(429);
    }

    @Test
    void guessesSentAtOnceCannotSlipPastTheLock() throws Exception {
        var api = new Api(port);
        String email = signUp(api);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String guess = "guess " + i;
                guesses.add(pool.submit(() -> signIn(api, email, guess).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var guess : guesses) {
                statuses.add(guess.get());
            }
            assertThat(statuses).as("only four passwords are ever checked").filteredOn(s -> s == 401).hasSize(4);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStolenTokenCannotGuessCodes() {
        var api = new Api(port);
        String email = signUp(api);
        String token = signIn(api, email, "correct horse").json().get("accessToken").asText();
        enrolAndConfirm(api, token);

        for (String guess : List.of("111111", "222222", "333333", "555555")) {
            assertThat(api.post("/api/v1/organizers/me/second-factor/recovery-codes", token, code(guess)).status())
                    .isEqualTo(422);
        }
        var locked = api.post("/api/v1/organizers/me/second-factor/recovery-codes", token, code("444444"));
        assertThat(locked.status()).as("code guesses count like sign-ins").isEqualTo(429);
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
        List<String> trail = new ArrayList<>();
        api.get("/api/v1/organizers/me/security-events", token).json().forEach(e -> trail.add(e.get("action").asText()));
        assertThat(trail).filteredOn("SECOND_FACTOR_FAILED"::equals).hasSize(4);
    }

    @Test
    void aChallengeDiesWithTheAccountsTokens() {
        var api = new Api(port);
        String email = signUp(api);
        String token = signIn(api, email, "correct horse").json().get("accessToken").asText();
        byte[] secret = enrolAndConfirm(api, token);
        String challenge = challenge(api, email);

        assertThat(api.post("/api/v1/auth/sign-out-everywhere", token, "").status()).isEqualTo(204);

        assertThat(answer(api, challenge, codes.codeAt(secret, Instant.now().plusSeconds(30))).status())
                .as("a challenge from before signing out everywhere, with the right code").isEqualTo(401);
        assertThat(answer(api, challenge(api, email), codes.codeAt(secret, Instant.now().plusSeconds(30))).status())
                .as("a new one").isEqualTo(200);
    }

    private byte[] enrolAndConfirm(Api api, String token) {
        JsonNode enrolment = api.post("/api/v1/organizers/me/second-factor", token,
                "{\"password\":\"correct horse\"}").json();
        byte[] secret = new Base32().decode(enrolment.get("secret").asText());
        assertThat(api.post("/api/v1/organizers/me/second-factor/confirm", token,
                code(codes.codeAt(secret, Instant.now()))).status()).isEqualTo(200);
        return secret;
    }

    @Test
    void aSuccessfulSignInClearsTheFailures() {
        var api = new Api(port);
        String email = signUp(api);
        signIn(api, email, "wrong one");
        signIn(api, email, "wrong two");
        assertThat(signIn(api, email, "correct horse").status()).isEqualTo(200);
        signIn(api, email, "wrong three");
        signIn(api, email, "wrong four");
        assertThat(signIn(api, email, "wrong five").status()).as("the count started again").isEqualTo(401);
    }

    @Test
    void signingOutRefusesThatTokenAndSigningOutEverywhereEveryToken() {
        var api = new Api(port);
        String email = signUp(api);
        String laptop = signIn(api, email, "correct horse").json().get("accessToken").asText();
        String phone = signIn(api, email, "correct horse").json().get("accessToken").asText();

        assertThat(api.post("/api/v1/auth/sign-out", phone, "").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/organizers/me", phone).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/organizers/me", laptop).status()).isEqualTo(200);

        String tablet = signIn(api, email, "correct horse").json().get("accessToken").asText();
        assertThat(api.post("/api/v1/auth/sign-out-everywhere", laptop, "").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/organizers/me", laptop).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/organizers/me", tablet).status()).isEqualTo(401);
        String again = signIn(api, email, "correct horse").json().get("accessToken").asText();
        assertThat(api.get("/api/v1/organizers/me", again).status()).as("a token issued afterwards").isEqualTo(200);
    }

    @Test
    void aNewPasswordSignsOutEveryOtherTokenAndAnswersWithAFreshOne() {
        var api = new Api(port);
        String email = signUp(api);
        String old = signIn(api, email, "correct horse").json().get("accessToken").asText();

        assertThat(api.post("/api/v1/organizers/me/password", old,
                "{\"currentPassword\":\"wrong\",\"newPassword\":\"battery staple\"}").status()).isEqualTo(422);
        var changed = api.post("/api/v1/organizers/me/password", old,
                "{\"currentPassword\":\"correct horse\",\"newPassword\":\"battery staple\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizers/me", changed.json().get("accessToken").asText()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/organizers/me", old).status()).isEqualTo(401);
        assertThat(signIn(api, email, "correct horse").status()).isEqualTo(401);
        assertThat(signIn(api, email, "battery staple").status()).isEqualTo(200);
    }

    /** Only a trusted proxy's X-Forwarded-For is believed, and none is trusted unless configured. */
    @Test
    void aClientCannotNameItsOwnAddress() {
        var api = new Api(port);
        String email = signUp(api);
        var signedIn = api.exchange("/api/v1/auth/token", b -> b.header("X-Forwarded-For", "203.0.113.77")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"%s\",\"password\":\"correct horse\"}".formatted(email))));
        assertThat(signedIn.status()).isEqualTo(200);

        JsonNode trail = api.get("/api/v1/organizers/me/security-events",
                signedIn.json().get("accessToken").asText()).json();
        assertThat(trail.findValuesAsText("ip")).isNotEmpty().doesNotContain("203.0.113.77").contains("127.0.0.1");
    }

    private static String signUp(Api api) {
        String email = "signin-" + UUID.randomUUID() + "@example.org";
        api.signUpConfirmed(email, "correct horse", "Ada");
        return email;
    }

    private static Api.Response signIn(Api api, String email, String password) {
        return api.post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    }

    private static String challenge(Api api, String email) {
        return signIn(api, email, "correct horse").json().get("challenge").asText();
    }

    private static Api.Response answer(Api api, String challenge, String code) {
        return api.post("/api/v1/auth/token/second-factor", null,
                "{\"challenge\":\"%s\",\"code\":\"%s\"}".formatted(challenge, code));
    }

    private static String code(String code) {
        return "{\"code\":\"" + code + "\"}";
    }
}
