package io.inviteflow.core.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.inviteflow.core.support.GeneratedJson.NODES;
import static io.inviteflow.core.support.GeneratedJson.any;
import static io.inviteflow.core.support.GeneratedJson.body;
import static io.inviteflow.core.support.GeneratedJson.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated input (jqwik) at every endpoint of signing up, in and out, second factors, passkeys, passwords, address
 * confirmation and team invitations: no 5xx, a refusal is a problem (or the page's own), and — where an address is
 * named — the same answer for an address with an account as for one without, whatever the rest of the body, and the
 * same work: the slow part of an answer (bcrypt) is done for both, so the median times agree within a wide margin
 * (a check that would be a tenfold gap without the dummy hash, not a speed measurement).
 */
class AuthFuzzIT extends CoreIntegrationTest {

    private static final int BODIES = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    Api api;
    String known;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        known = "known-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/organizers", null, """
                {"email":"%s","password":"%s","name":"Known"}""".formatted(known, UUID.randomUUID())).status())
                .isEqualTo(201);
        token = api.newOrganizerToken();
    }

    @Test
    void generatedBodiesNeverFailTheServer() {
        // live passkey ceremonies, asked before wrong passwords lock the account: the first answer of each that
        // parses reaches the verification
        String signIn = api.post("/api/v1/auth/token/passkey/options", null, "{}").json().get("ceremony").asText();
        String adding = api.post("/api/v1/organizers/me/passkeys/options", token, "{\"password\":\"correct horse\"}")
                .json().get("ceremony").asText();
        Arbitrary<JsonNode> address = Arbitraries.oneOf(text(), Arbitraries.of(known, known.toUpperCase(),
                " " + known, "a@b", "@example.org", "x@" + "e".repeat(300) + ".org").map(NODES::textNode));
        hammer(body("{\"email\":\"new@example.org\",\"password\":\"long enough\",\"name\":\"Ada\"}",
                "email", address, "password", text(), "name", text()), b -> api.post("/api/v1/organizers", null, b));
        hammer(body("{\"email\":\"new@example.org\",\"password\":\"long enough\"}", "email", address,
                "password", text()), b -> api.post("/api/v1/auth/token", null, b));
        hammer(body("{\"challenge\":\"eyJhbGciOiJIUzI1NiJ9.e30.x\",\"code\":\"123456\"}", "challenge", text(),
                "code", text()), b -> api.post("/api/v1/auth/token/second-factor", null, b));
        hammer(body("{\"email\":\"new@example.org\"}", "email", address),
                b -> api.post("/api/v1/auth/password-reset", null, b));
        hammer(body("{\"currentPassword\":\"wrong one\",\"newPassword\":\"long enough\"}", "currentPassword", text(),
                "newPassword", text(), "code", any()), b -> api.post("/api/v1/organizers/me/password", token, b));
        hammer(body("{\"password\":\"wrong one\"}", "password", text()),
                b -> api.post("/api/v1/organizers/me/second-factor", token, b));
        hammer(body("{\"code\":\"123456\"}", "code", text()),
                b -> api.post("/api/v1/organizers/me/second-factor/confirm", token, b));
        hammer(passkeyAnswers(signIn, """
                {"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"}"""),
                b -> api.post("/api/v1/auth/token/passkey", null, b));
        hammer(passkeyAnswers(adding, """
                {"clientDataJSON":"e30","attestationObject":"AAAA","transports":["internal"]}"""),
                b -> api.post("/api/v1/organizers/me/passkeys", token, b));
    }

    /** A browser's answer to a passkey ceremony, changed as a whole and part by part. */
    private static Arbitrary<String> passkeyAnswers(String ceremony, String response) {
        String credential = """
                {"id":"AAAA","rawId":"AAAA","type":"public-key","response":%s,"clientExtensionResults":{}}"""
                .formatted(response);
        Arbitrary<String> parts = body(credential, "id", text(), "rawId", text(), "type", text(), "response", any(),
                "authenticatorAttachment", text(), "clientExtensionResults", any())
                .map(c -> "{\"ceremony\":\"%s\",\"credential\":%s,\"label\":\"Phone\"}".formatted(ceremony, c));
        Arbitrary<String> whole = body("{\"ceremony\":\"%s\",\"credential\":%s,\"label\":\"Phone\"}"
                .formatted(ceremony, credential), "ceremony", text(), "credential", any(), "label", text());
        return Arbitraries.oneOf(parts, whole);
    }

    @Test
    void generatedLinksOpenNothingAndNeverFailTheServer() {
        List<String> links = Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(60),
                        Arbitraries.strings().alpha().numeric().withChars('-', '_').ofLength(22),
                        Arbitraries.of("...", "%00", "a/b", "' OR 1=1 --", "x".repeat(5000)))
                .sampleStream().limit(BODIES).toList();
        for (String link : links) {
            String path = URLEncoder.encode(link, StandardCharsets.UTF_8).replace("+", "%20");
            for (Api.Response r : List.of(api.get("/reset-password/" + path, null),
                    api.postForm("/reset-password/" + path, "password=long+enough+password"),
                    api.get("/verify-email/" + path, null),
                    api.get("/api/v1/team-invitations/" + path, token),
                    api.post("/api/v1/team-invitations/" + path + "/accept", token, ""))) {
                assertThat(r.status()).as("%s → %s", link, r.body()).isBetween(400, 499);
            }
        }
    }

    /** Sign-up, sign-in and password reset answer alike for a taken and a free address, body for body. */
    @Test
    void anAddressWithAnAccountIsAnsweredAsOneWithout() {
        String unknown = "unknown-" + UUID.randomUUID() + "@example.org";
        List<JsonNode> bodies = body("{\"password\":\"long enough\",\"name\":\"Ada\"}", "password", text(),
                "name", text()).sampleStream().limit(BODIES).map(AuthFuzzIT::parse).filter(JsonNode::isObject)
                .toList();
        List<String> different = new ArrayList<>();
        for (JsonNode generated : bodies) {
            ObjectNode taken = ((ObjectNode) generated.deepCopy()).put("email", known);
            String free = "free-" + UUID.randomUUID() + "@example.org";
            ObjectNode fresh = ((ObjectNode) generated.deepCopy()).put("email", free);
            compare(different, "sign-up", api.post("/api/v1/organizers", null, taken.toString()),
                    api.post("/api/v1/organizers", null, fresh.toString()), known, free);
            // both addresses get the same sequence of failures, so a lock comes to both at once
            ObjectNode knownSignIn = ((ObjectNode) generated.deepCopy()).put("email", known);
            ObjectNode unknownSignIn = ((ObjectNode) generated.deepCopy()).put("email", unknown);
            knownSignIn.remove("name");
            unknownSignIn.remove("name");
            compare(different, "sign-in", api.post("/api/v1/auth/token", null, knownSignIn.toString()),
                    api.post("/api/v1/auth/token", null, unknownSignIn.toString()), known, unknown);
            compare(different, "password reset",
                    api.post("/api/v1/auth/password-reset", null, "{\"email\":\"%s\"}".formatted(known)),
                    api.post("/api/v1/auth/password-reset", null, "{\"email\":\"%s\"}".formatted(unknown)),
                    known, unknown);
        }
        assertThat(different).as("answers that tell a taken address from a free one").isEmpty();
    }

    /**
     * Wrong passwords for addresses with and without an account, interleaved so that whatever else the machine does
     * weighs on both alike; four tries per address, below the lock.
     */
    @Test
    void aWrongPasswordTakesAsLongWithOrWithoutAnAccount() {
        List<Long> withAccount = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int account = 0; account < 6; account++) {
            String address = "timed-" + UUID.randomUUID() + "@example.org";
            api.post("/api/v1/organizers", null, "{\"email\":\"%s\",\"password\":\"the right one\",\"name\":\"T\"}"
                    .formatted(address));
            String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
            for (int attempt = 0; attempt < 4; attempt++) {
                withAccount.add(timeSignIn(address));
                without.add(timeSignIn(nobody));
            }
        }
        double ratio = (double) median(withAccount) / median(without);
        assertThat(ratio).as("median %d µs with an account, %d µs without", median(withAccount), median(without))
                .isBetween(0.67, 1.5);
    }

    private long timeSignIn(String address) {
        long start = System.nanoTime();
        int status = api.post("/api/v1/auth/token", null, "{\"email\":\"%s\",\"password\":\"a wrong one\"}"
                .formatted(address)).status();
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(status).isEqualTo(401);
        return micros;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void compare(List<String> different, String what, Api.Response taken, Api.Response free,
                                String takenAddress, String freeAddress) {
        String a = normalized(taken, takenAddress);
        String b = normalized(free, freeAddress);
        if (taken.status() != free.status() || !a.equals(b)) {
            different.add(what + ": " + taken.status() + " " + a + " vs " + free.status() + " " + b);
        }
    }

    /** The body without what differs by nature: the address itself, ids, and the seconds of a Retry-After. */
    private static String normalized(Api.Response r, String address) {
        return r.body().replace(address, "<address>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("try again in \\d+ s", "try again in <n> s");
    }

    private void hammer(Arbitrary<String> bodies, Function<String, Api.Response> send) {
        for (String body : bodies.sampleStream().limit(BODIES).toList()) {
            Api.Response response = send.apply(body);
            assertThat(response.status()).as("%s\n→ %s", body, response.body()).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException notJson) {
            return NODES.nullNode();
        }
    }
}
