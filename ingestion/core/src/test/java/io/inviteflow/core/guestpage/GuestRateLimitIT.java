package io.inviteflow.core.guestpage;

import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A guest's token (and an address) can only ask so much: 429 with Retry-After, then nothing more is done. */
@TestPropertySource(properties = {"inviteflow.guests.requests-per-minute-per-token=5",
        "inviteflow.guests.requests-per-minute-per-address=12"})
class GuestRateLimitIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenOverItsLimitGets429WithRetryAfterAndOtherTokensCarryOnUntilTheAddressIsFull() {
        Api api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.newEvent(organizer, "Popular party");
        var invited = api.invite(organizer, eventId, "Grace", "Alan", "Edsger");
        String grace = invited.get(0).get("token").asText();
        String alan = invited.get(1).get("token").asText();
        String edsger = invited.get(2).get("token").asText();

        for (int i = 0; i < 5; i++) {
            assertThat(api.getAs("/i/" + grace, "test").status()).isEqualTo(200);
        }
        var refused = api.post("/api/v1/invitations/" + grace + "/rsvp", null, "{\"response\":\"YES\"}");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("for this invitation");
        int retryAfter = Integer.parseInt(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1, 60);
        // refused before any work: the answer was not taken
        assertThat(api.get("/api/v1/events/" + eventId + "/guests", organizer).body()).doesNotContain("\"YES\"");

        for (int i = 0; i < 5; i++) {
            assertThat(api.getAs("/i/" + alan, "test").status()).isEqualTo(200);
        }
        // Grace's 6 requests (the refused one too: the address is counted first) and Alan's 5 used 11 of the 12
        assertThat(api.getAs("/i/" + edsger, "test").status()).isEqualTo(200);
        var full = api.getAs("/i/" + edsger, "test");
        assertThat(full.status()).isEqualTo(429);
        assertThat(full.json().get("detail").asText()).contains("from this address");
        // organizers' API is not a guest path
        assertThat(api.get("/api/v1/events/" + eventId, organizer).status()).isEqualTo(200);
    }
}
