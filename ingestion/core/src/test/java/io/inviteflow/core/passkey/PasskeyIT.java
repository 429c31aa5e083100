package io.inviteflow.core.passkey;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys through the API with WebAuthn4J's authenticator emulator as the phone: adding one takes the password (and
 * the code, with two-factor sign-in on); it then signs in alone, once per challenge; another site's answers, a
 * removed passkey and a replayed answer are refused; nobody removes another account's passkey.
 */
class PasskeyIT extends CoreIntegrationTest {

    /** The configured origin (inviteflow.passkeys.origins' default). */
    private static final String CONSOLE = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Test
    void aPasskeyAddedWithThePasswordSignsInAloneOncePerChallenge() {
        var api = new Api(port);
        String email = "passkey-" + UUID.randomUUID() + "@example.org";
        String token = signUpAndIn(api, email);
        var phone = new SoftwarePasskeys(CONSOLE);

        assertThat(api.post("/api/v1/organizers/me/passkeys/options", token, "{\"password\":\"wrong horse\"}").status())
                .as("a stolen token alone cannot add a passkey").isEqualTo(422);
        JsonNode adding = api.post("/api/v1/organizers/me/passkeys/options", token, password()).json();
        JsonNode options = adding.get("publicKey");
        assertThat(options.at("/rp/id").asText()).isEqualTo("localhost");
        assertThat(options.at("/user/name").asText()).as("what the phone shows beside the passkey").isEqualTo(email);
        assertThat(options.at("/user/id").asText()).as("the handle names no one")
                .doesNotContain(api.get("/api/v1/organizers/me", token).json().get("id").asText());
        assertThat(options.at("/authenticatorSelection/userVerification").asText()).isEqualTo("required");
        assertThat(options.at("/authenticatorSelection/residentKey").asText()).isEqualTo("required");

        ObjectNode made = phone.create(options);
        var added = api.post("/api/v1/organizers/me/passkeys", token, newPasskey(adding, made, "Phone"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("label").asText()).isEqualTo("Phone");
        assertThat(api.post("/api/v1/organizers/me/passkeys", token, newPasskey(adding, made, "Again")).status())
                .as("a ceremony is answered once").isEqualTo(422);
        JsonNode listed = api.get("/api/v1/organizers/me/passkeys", token).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("lastUsedAt").isNull()).as("no sign-in with it yet").isTrue();
        assertThat(listed.get(0).get("id").asText()).isEqualTo(made.get("id").asText());

        JsonNode signingIn = api.post("/api/v1/auth/token/passkey/options", null, "{}").json();
        assertThat(signingIn.at("/publicKey/rpId").asText()).isEqualTo("localhost");
        assertThat(signingIn.at("/publicKey/allowCredentials")).as("discoverable: no address asked").isEmpty();
        ObjectNode assertion = phone.get(signingIn.get("publicKey"));
        var signedIn = api.post("/api/v1/auth/token/passkey", null, answer(signingIn, assertion));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String passkeyToken = signedIn.json().get("accessToken").asText();
        assertThat(api.get("/api/v1/organizers/me", passkeyToken).json().get("email").asText()).isEqualTo(email);

        assertThat(api.post("/api/v1/auth/token/passkey", null, answer(signingIn, assertion)).status())
                .as("the same answer again").isEqualTo(401);
        JsonNode fresh = api.post("/api/v1/auth/token/passkey/options", null, "{}").json();
        assertThat(api.post("/api/v1/auth/token/passkey", null, answer(fresh, assertion)).status())
                .as("an old answer to a new challenge").isEqualTo(401);
        assertThat(api.get("/api/v1/organizers/me/passkeys", token).json().get(0).get("lastUsedAt").isNull())
                .isFalse();

        List<String> trail = new ArrayList<>();
        api.get("/api/v1/organizers/me/security-events", token).json()
                .forEach(e -> trail.add(e.get("action").asText() + " " + e.path("detail").asText()));
        assertThat(trail).contains("PASSKEY_ADDED Phone", "SIGNED_IN passkey Phone");
    }

    @Test
    void anotherSitesAnswersARemovedPasskeyAndAnotherAccountAreRefused() {
        var api = new Api(port);
        String token = signUpAndIn(api, "passkey-" + UUID.randomUUID() + "@example.org");

        JsonNode phishing = api.post("/api/v1/organizers/me/passkeys/options", token, password()).json();
        ObjectNode elsewhere = new SoftwarePasskeys("https://inviteflow.example.com").create(phishing.get("publicKey"));
        var refused = api.post("/api/v1/organizers/me/passkeys", token, newPasskey(phishing, elsewhere, "Phone"));
        assertThat(refused.status()).as("made on another site").isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");

        var phone = new SoftwarePasskeys(CONSOLE);
        JsonNode misfiled = api.post("/api/v1/organizers/me/passkeys/options", token, password()).json();
        ObjectNode renamed = phone.create(misfiled.get("publicKey"));
        renamed.put("id", "c29tZW9uZS1lbHNlcy1pZA").put("rawId", "c29tZW9uZS1lbHNlcy1pZA");
        assertThat(api.post("/api/v1/organizers/me/passkeys", token, newPasskey(misfiled, renamed, "Phone")).status())
                .as("filed under an id its authenticator did not attest").isEqualTo(422);

        JsonNode adding = api.post("/api/v1/organizers/me/passkeys/options", token, password()).json();
        ObjectNode made = phone.create(adding.get("publicKey"));
        assertThat(api.post("/api/v1/organizers/me/passkeys", token, newPasskey(adding, made, "Phone")).status())
                .isEqualTo(201);
        String passkeyId = made.get("id").asText();

        String other = api.newOrganizerToken();
        assertThat(api.delete("/api/v1/organizers/me/passkeys/" + passkeyId, other).status())
                .as("another account's passkey").isEqualTo(404);
        JsonNode signingIn = api.post("/api/v1/auth/token/passkey/options", null, "{}").json();
        ObjectNode assertion = phone.get(signingIn.get("publicKey"));
        ObjectNode forged = assertion.deepCopy();
        ((ObjectNode) forged.get("response")).put("signature", "AAAA");
        assertThat(api.post("/api/v1/auth/token/passkey", null, answer(signingIn, forged)).status())
                .as("a signature that does not verify").isEqualTo(401);

        assertThat(api.delete("/api/v1/organizers/me/passkeys/" + passkeyId, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/organizers/me/passkeys", token).json()).isEmpty();
        JsonNode again = api.post("/api/v1/auth/token/passkey/options", null, "{}").json();
        assertThat(api.post("/api/v1/auth/token/passkey", null, answer(again, phone.get(again.get("publicKey"))))
                .status()).as("a removed passkey").isEqualTo(401);

        var garbage = api.post("/api/v1/auth/token/passkey", null,
                "{\"ceremony\":\"%s\",\"credential\":{\"id\":7,\"response\":[]}}".formatted(UUID.randomUUID()));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void withTwoFactorSignInOnAddingAPasskeyAlsoTakesACode() throws Exception {
        var api = new Api(port);
        String token = signUpAndIn(api, "passkey-" + UUID.randomUUID() + "@example.org");
        JsonNode enrolment = api.post("/api/v1/organizers/me/second-factor", token, password()).json();
        var key = new SecretKeySpec(new Base32().decode(enrolment.get("secret").asText()), "HmacSHA1");
        var codes = new TimeBasedOneTimePasswordGenerator();
        assertThat(api.post("/api/v1/organizers/me/second-factor/confirm", token,
                "{\"code\":\"%s\"}".formatted(codes.generateOneTimePasswordString(key, Instant.now()))).status())
                .isEqualTo(200);

        assertThat(api.post("/api/v1/organizers/me/passkeys/options", token, password()).status())
                .as("the password alone").isEqualTo(422);
        String next = codes.generateOneTimePasswordString(key, Instant.now().plusSeconds(30));
        var adding = api.post("/api/v1/organizers/me/passkeys/options", token,
                "{\"password\":\"correct horse\",\"code\":\"%s\"}".formatted(next));
        assertThat(adding.status()).as(adding.body()).isEqualTo(200);
    }

    private static String signUpAndIn(Api api, String email) {
        api.signUpConfirmed(email, "correct horse", "Linus");
        return api.signIn(email, "correct horse");
    }

    private static String password() {
        return "{\"password\":\"correct horse\"}";
    }

    private static String newPasskey(JsonNode ceremony, ObjectNode credential, String label) {
        return "{\"ceremony\":\"%s\",\"credential\":%s,\"label\":\"%s\"}"
                .formatted(ceremony.get("ceremony").asText(), credential, label);
    }

    private static String answer(JsonNode ceremony, ObjectNode credential) {
        return "{\"ceremony\":\"%s\",\"credential\":%s}".formatted(ceremony.get("ceremony").asText(), credential);
    }
}
