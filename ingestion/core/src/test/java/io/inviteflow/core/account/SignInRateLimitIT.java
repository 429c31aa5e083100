package io.inviteflow.core.account;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One address may only try so many sign-ins a minute and sign-ups an hour, whatever the accounts. */
class SignInRateLimitIT extends CoreIntegrationTest {

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("inviteflow.sign-in.attempts-per-minute-per-address", () -> "6");
        registry.add("inviteflow.sign-in.sign-ups-per-hour-per-address", () -> "2");
    }

    @LocalServerPort
    int port;

    @Test
    void signInsAndSignUpsFromOneAddressAreLimited() {
        var api = new Api(port);
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/v1/organizers", null, "{\"email\":\"limit-%s@example.org\",\"password\":\"correct horse\",\"name\":\"A\"}"
                    .formatted(UUID.randomUUID())).status()).isEqualTo(201);
        }
        var refusedSignUp = api.post("/api/v1/organizers", null,
                "{\"email\":\"limit-x@example.org\",\"password\":\"correct horse\",\"name\":\"A\"}");
        assertThat(refusedSignUp.status()).isEqualTo(429);
        assertThat(refusedSignUp.raw().headers().firstValue("Retry-After")).isPresent();

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
}
