package io.inviteflow.console.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.UUID;

/**
 * A STAND-IN for the Inviteflow core's documented HTTP API (WireMock), not the real core: it answers
 * {@code POST /api/v1/auth/token}, {@code GET /api/v1/events} and {@code GET /api/v1/events/{id}} exactly as the
 * contract says, for the canned requests a test sets up. The end-to-end test against the real core is separate.
 *
 * <p>One server per test JVM, so all Spring integration tests share one application context.
 */
public final class CoreStandIn {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static WireMockServer server;

    private CoreStandIn() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = StandInServers.start();
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port();
    }

    public static void reset() {
        server().resetAll();
    }

    /**
     * Token endpoint: these credentials get this token; any other password gets 401 problem+json. The account behind
     * the token ({@code GET /api/v1/organizers/me}) has the roles {@link #rolesOf} gives its address.
     */
    public static void acceptsLogin(String email, String password, String token) {
        knowsOrganizer(token, UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)), email);
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token"))
                .willReturn(problem(401, "Unauthorized", "Bad credentials")));
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token"))
                .withRequestBody(equalToJson("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + token + "\"}")));
    }

    /**
     * The account API of an organizer without two-factor sign-in yet: enrolment with this password and secret,
     * confirmation by this code (any other: 422) with these recovery codes, one sign-in in the trail; the address not
     * confirmed, a new link accepted (202); no passkeys.
     */
    public static void hasAccount(String token, String password, String secret, String code,
                                  List<String> recoveryCodes) {
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/team"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"members\":[],\"invitations\":[]}")));
        isOnTeams(token, "[]");
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/email-verification"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"verified\":false}")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/email-verification"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"verified\":false}")));
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/second-factor"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"enabled\":false}")));
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/passkeys"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[]")));
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/security-events"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[{\"at\":\"2026-11-27T10:00:00Z\",\"action\":\"SIGNED_IN\",\"ip\":\"127.0.0.1\"}]")));
        // a white square, as the core's SVG would be
        String qr = "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>".getBytes());
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/second-factor"))
                .willReturn(problem(422, "Unprocessable Entity", "not the account's password")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/second-factor"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"password\":\"" + password + "\"}"))
                .willReturn(okJson("{\"secret\":\"" + secret + "\",\"otpauthUri\":\"otpauth://totp/x?secret=" + secret
                        + "\",\"qrCode\":\"" + qr + "\"}")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/second-factor/confirm"))
                .willReturn(problem(422, "Unprocessable Entity", "not the app's current code")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/second-factor/confirm"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"code\":\"" + code + "\"}"))
                .willReturn(okJson("{\"recoveryCodes\":[\"" + String.join("\",\"", recoveryCodes) + "\"]}")));
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/closure"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"closable\":false,\"blockers\":[{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"title\":\"Grace's garden party\",\"reason\":\"not over yet: cancel it first\"}]}")));
    }

    /**
     * The account's address is confirmed, it has nothing that keeps it open, and closes with this password (422 for
     * any other); its copy is a tiny ZIP.
     */
    public static void canClose(String token, String password) {
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/email-verification"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"verified\":true}")));
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/closure"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"closable\":true,\"blockers\":[]}")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/closure"))
                .willReturn(problem(422, "Unprocessable Entity", "not the account's password")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/closure"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"password\":\"" + password + "\"}"))
                .willReturn(okJson("{\"erased\":{\"invitations\":12}}")));
        server().stubFor(post(urlPathEqualTo("/api/v1/organizers/me/data-export"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withHeader("Content-Type", "application/zip").withBody(new byte[] {'P', 'K', 5, 6})));
    }

    /**
     * The privacy API for an admin's token: a copy of {@code email}'s data (these ZIP bytes), its erasure (two
     * invitations of two events), and a trail of one earlier copy; a malformed address gets 422.
     */
    public static void handlesPrivacy(String token, String email, byte[] zip) {
        server().stubFor(post(urlPathMatching("/api/v1/admin/privacy/(exports|erasures)"))
                .willReturn(problem(422, "Unprocessable Entity", "not an email address")));
        server().stubFor(post(urlPathEqualTo("/api/v1/admin/privacy/exports"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"email\":\"" + email + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/zip").withBody(zip)));
        server().stubFor(post(urlPathEqualTo("/api/v1/admin/privacy/erasures"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalToJson("{\"email\":\"" + email + "\"}"))
                .willReturn(okJson("{\"requestId\":\"" + UUID.randomUUID() + "\",\"erased\":{\"invitations\":2,"
                        + "\"wall_posts\":0,\"contacts\":1,\"events\":2}}")));
        server().stubFor(get(urlPathEqualTo("/api/v1/admin/privacy/requests"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"EXPORT\",\"subjectHash\":"
                        + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"handledBy\":"
                        + "\"admin@example.org\",\"summary\":{\"invitations\":2},\"at\":\"2026-11-27T10:00:00Z\"}]")));
    }

    /** Asking for a new password is answered 202, whatever the address (as the core answers). */
    public static void takesPasswordResetRequests() {
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/password-reset")).willReturn(aResponse().withStatus(202)));
    }

    /** The token endpoint answers 429 (the address is locked after failed sign-ins), whatever the password. */
    public static void locksSignIn() {
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token")).willReturn(problem(429, "Too Many Requests",
                "too many failed sign-ins to this address; try again in 900 s").withHeader("Retry-After", "900")));
    }

    /**
     * An account with two-factor sign-in: the password gets 401 with {@code secondFactorRequired} and this challenge,
     * which {@code POST /api/v1/auth/token/second-factor} exchanges with this code for the token (any other: 401).
     */
    public static void asksForSecondFactor(String email, String password, String challenge, String code,
                                           String token) {
        knowsOrganizer(token, UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)), email);
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token"))
                .withRequestBody(equalToJson("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", PROBLEM_JSON)
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                + "\"detail\":\"enter the code\",\"secondFactorRequired\":true,\"challenge\":\""
                                + challenge + "\"}")));
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token/second-factor"))
                .willReturn(problem(401, "Unauthorized", "wrong email, password or code")));
        server().stubFor(post(urlPathEqualTo("/api/v1/auth/token/second-factor"))
                .withRequestBody(equalToJson("{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + token + "\"}")));
    }

    /**
     * {@code GET /api/v1/events/{id}}: 200 with this event for this token, 404 for other tokens' organizers; its
     * questions: none.
     */
    public static void hasEvent(String token, UUID id, String title) {
        server().stubFor(get(urlPathEqualTo("/api/v1/events/" + id))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(eventJson(id, title))));
        asks(token, id, "[]");
    }

    /** {@code GET /api/v1/events/{id}/forecast}: this forecast (JSON as the core writes it); unset: 404. */
    public static void forecasts(String token, UUID id, String forecastJson) {
        server().stubFor(get(urlPathEqualTo("/api/v1/events/" + id + "/forecast"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(forecastJson)));
    }

    /** {@code GET /api/v1/events/{id}/questions}: these questions (a JSON array as the core writes it). */
    public static void asks(String token, UUID id, String questionsJson) {
        server().stubFor(get(urlPathEqualTo("/api/v1/events/" + id + "/questions"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(questionsJson)));
    }

    /** {@code GET /api/v1/events}: this organizer's only event; they are on nobody's team. */
    public static void listsEvents(String token, UUID id, String title) {
        server().stubFor(get(urlPathEqualTo("/api/v1/events"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + eventJson(id, title) + "]")));
        isOnTeams(token, "[]");
    }

    /** {@code GET /api/v1/organizers/me/memberships}: these teams (a JSON array as the core writes it). */
    public static void isOnTeams(String token, String membershipsJson) {
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me/memberships"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(membershipsJson)));
    }

    /** {@code GET /api/v1/organizers/me}: the account behind the token, its address confirmed. */
    public static void knowsOrganizer(String token, UUID id, String email) {
        server().stubFor(get(urlPathEqualTo("/api/v1/organizers/me"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"%s\",\"email\":\"%s\",\"name\":\"Grace\",\"roles\":%s,\"emailVerified\":true}"
                                .formatted(id, email, rolesOf(email)))));
    }

    /** The roles the core gives an address in every test: {@link TestProperties#ADMIN} and the ML team's member. */
    static String rolesOf(String email) {
        if (TestProperties.ADMIN.equals(email)) {
            return "[\"ADMIN\",\"ML\"]";
        }
        return TestProperties.ML_TEAM_MEMBER.equals(email) ? "[\"ML\"]" : "[]";
    }

    /** Any request with an unknown token: 401, as the core answers for a missing, invalid or expired token. */
    public static void rejectsUnknownTokens() {
        server().stubFor(get(urlPathEqualTo("/api/v1/events")).atPriority(10)
                .willReturn(problem(401, "Unauthorized", "Invalid token")));
        server().stubFor(get(urlPathMatching("/api/v1/events/.*"))
                .atPriority(10)
                .willReturn(problem(401, "Unauthorized", "Invalid token")));
    }

    /** The core's answer for an event that does not exist or belongs to another organizer. */
    public static void eventNotFound(String token, UUID id) {
        server().stubFor(get(urlPathEqualTo("/api/v1/events/" + id))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(problem(404, "Not Found", "No such event")));
    }

    public static String eventJson(UUID id, String title) {
        return """
                {"id":"%s","title":"%s","startsAt":"2025-06-07T19:00:00+02:00","timeZone":"Europe/Berlin",
                 "venue":{"name":"Kulturbrauerei","address":"Schönhauser Allee 36, Berlin","lat":52.539,"lon":13.413},
                 "onlineUrl":null,"template":"summer"}""".formatted(id, title);
    }

    private static ResponseDefinitionBuilder problem(
            int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", PROBLEM_JSON)
                .withBody("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(title, status, detail));
    }
}
