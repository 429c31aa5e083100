package io.inviteflow.core.account;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import io.inviteflow.testsupport.AddressConfirmations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address may only try so many sign-ins a minute and sign-ups an hour, whatever the accounts; behind a trusted proxy,
 * the client's address it forwards.
 */
class SignInRateLimitIT extends CoreIntegrationTest {

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.sign-in.attempts-per-minute-per-address", () -> "6");
        registry.add("inviteflow.sign-in.sign-ups-per-hour-per-address", () -> "2");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1"); // as the local stack
    }

    @LocalServerPort
    int port;

    @Test
    void signInsSignUpsAndPasswordResetsFromOneAddressAreLimited() {
        var api = new Api(port);
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/organizers", null, "{\"email\":\"limit-%s@example.org\",\"password\":\"correct horse\",\"name\":\"A\"}"
                    .formatted(UUID.randomUUID())).status()).isEqualTo(201);
        }
        var refusedSignUp = api.post("/api/v1/organizers", null,
                "{\"email\":\"limit-x@example.org\",\"password\":\"correct horse\",\"name\":\"A\"}");
        assertThat(refusedSignUp.status()).isEqualTo(429);
        assertThat(refusedSignUp.raw().headers().firstValue("Retry-After")).isPresent();
        var refusedReset = api.post("/api/v1/auth/password-reset", null, "{\"email\":\"limit-x@example.org\"}");
        assertThat(refusedReset.status()).as("asking for a new password shares the sign-ups' budget").isEqualTo(429);
        assertThat(refusedReset.json().get("detail").asText()).contains("sign-ups or password resets");

        for (int i = 0; i < 6; i++) {
            // a different address each time: the per-account lock never starts, only the address's limit counts
            assertThat(api.post("/api/v1/auth/token", null, "{\"email\":\"guess-%d@example.org\",\"password\":\"x\"}"
                    .formatted(i)).status()).isEqualTo(401);
        }
        var refused = api.post("/api/v1/auth/token", null, "{\"email\":\"guess-7@example.org\",\"password\":\"x\"}");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 61L);
        assertThat(refused.json().get("detail").asText()).contains("sign-in attempts from this address");
    }

    /**
     * Behind a trusted proxy (the console, a load balancer; loopback here) each client counts on its own, by the
     * address the proxy forwards, and the account's trail shows it.
     */
    @Test
    void theClientsAProxyForwardsAreCountedEachOnItsOwn() {
        var api = new Api(port);
        for (int i = 0; i < 6; i++) {
            assertThat(signIn(api, "198.51.100.7", "guess-%d@example.org".formatted(i), "x").status()).isEqualTo(401);
        }
        assertThat(signIn(api, "198.51.100.7", "guess-7@example.org", "x").status()).isEqualTo(429);
        assertThat(signIn(api, "198.51.100.8", "guess-7@example.org", "x").status()).as("another client")
                .isEqualTo(401);

        String email = "forwarded-" + UUID.randomUUID() + "@example.org";
        assertThat(api.exchange("/api/v1/organizers", b -> b.header("X-Forwarded-For", "203.0.113.5")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"A\"}".formatted(email))))
                .status()).isEqualTo(201);
        assertThat(api.exchange("/verify-email/" + AddressConfirmations.awaitToken(email), b -> b
                .header("X-Forwarded-For", "203.0.113.5").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=correct+horse"))).status()).isEqualTo(200);
        var signedIn = signIn(api, "203.0.113.5", email, "correct horse");
        assertThat(signedIn.status()).isEqualTo(200);
        var trail = api.get("/api/v1/organizers/me/security-events", signedIn.json().get("accessToken").asText()).json();
        assertThat(trail.findValuesAsText("ip")).isNotEmpty().containsOnly("203.0.113.5");
    }

    private static Api.Response signIn(Api api, String client, String email, String password) {
        return api.exchange("/api/v1/auth/token", b -> b.header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password))));
    }
}
