package io.inviteflow.core.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingInvitationsIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder encoder;

    @Test
    void listsOnlyUnansweredInvitationsWithAnEmailPageByPageWithWorkingLinks() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.newEvent(organizer, "Reminder party");
        JsonNode invited = api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"Answers","email":"answers@example.org"},{"name":"Silent 1","email":"s1@example.org"},
                           {"name":"No email"},{"name":"Silent 2","email":"s2@example.org"}]}""").json();
        api.post("/api/v1/invitations/" + invited.at("/invitations/0/token").asText() + "/rsvp", null,
                "{\"response\":\"NO\"}");
        String service = serviceToken();

        List<JsonNode> items = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = api.get("/api/v1/internal/pending-invitations?limit=1&eventId=" + eventId + after,
                    service).json();
            page.get("items").forEach(items::add);
            after = page.get("next").isNull() ? null : "&after=" + page.get("next").asText();
        } while (after != null);

        assertThat(items).extracting(i -> i.get("guestEmail").asText())
                .containsExactlyInAnyOrder("s1@example.org", "s2@example.org");
        assertThat(items.get(0).get("eventTitle").asText()).isEqualTo("Reminder party");
        String link = items.get(0).get("link").asText();
        assertThat(api.getAs(URI.create(link).getPath(), "test").body()).contains("Reminder party");
    }

    @Test
    void organizersCannotUseItAndServicesCannotActAsOrganizers() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();

        assertThat(api.get("/api/v1/internal/pending-invitations", organizer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/internal/pending-invitations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/events", serviceToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/internal/pending-invitations?limit=0", serviceToken()).status()).isEqualTo(400);
    }

    private String serviceToken() {
        var claims = JwtClaimsSet.builder().subject("batch-jobs").claim("scope", "internal")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
