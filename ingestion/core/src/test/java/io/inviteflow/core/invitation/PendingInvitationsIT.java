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
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.inviteflow.core.security.SecurityProperties;

import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingInvitationsIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder organizerKey;
    @Autowired
    SecurityProperties security;

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
    void aGuestInvitedAfterTheCutOffIsNotPendingYet() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String eventId = api.newEvent(organizer, "Fresh invitations");
        api.post("/api/v1/events/" + eventId + "/invitations", organizer, """
                {"guests":[{"name":"Just invited","email":"fresh@example.org"}]}""");
        String base = "/api/v1/internal/pending-invitations?eventId=" + eventId + "&invitedBefore=";

        assertThat(api.get(base + Instant.now().minusSeconds(3600), serviceToken()).json().get("items")).isEmpty();
        assertThat(api.get(base + Instant.now().plusSeconds(60), serviceToken()).json().get("items")).hasSize(1);
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
        return sign(serviceKey(), "inviteflow-services", "batch-jobs");
    }

    @Test
    void aServiceKeyCannotMakeAnOrganizerTokenNorTheOtherWayRound() {
        var api = new Api(port);
        String organizer = api.newOrganizerToken();
        String organizerId = api.get("/api/v1/events", organizer).status() == 200 ? subject(organizer) : null;

        String forgedOrganizer = sign(serviceKey(), "inviteflow-core", organizerId);
        var claims = JwtClaimsSet.builder().issuer("inviteflow-services").subject("batch-jobs")
                .claim("scope", "internal").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        String forgedService = organizerKey.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();

        assertThat(api.get("/api/v1/events", forgedOrganizer).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/internal/pending-invitations", forgedService).status()).isEqualTo(401);
    }

    private JwtEncoder serviceKey() {
        return new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
                Base64.getDecoder().decode(security.serviceSecret()), "HmacSHA256")));
    }

    private static String sign(JwtEncoder encoder, String issuer, String subject) {
        var claims = JwtClaimsSet.builder().issuer(issuer).subject(subject).claim("scope", "internal")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static String subject(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
