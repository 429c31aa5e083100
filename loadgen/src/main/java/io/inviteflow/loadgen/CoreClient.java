package io.inviteflow.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The public API of the core (and the console's engagement API), as an app or script would call it. */
final class CoreClient {

    static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1: the default first tries an h2c upgrade on every new connection, which costs the server for nothing
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI core;
    private String token;

    CoreClient(URI core) {
        this.core = core;
    }

    /**
     * A client signed in as a new organizer of its own (benchmarks never share an organizer's data), its address
     * confirmed through the link mailed to it, read from GreenMail's API at {@code greenmail}.
     */
    static CoreClient newOrganizer(URI core, URI greenmail, String emailPrefix) {
        CoreClient client = new CoreClient(core);
        client.signUpOrIn(emailPrefix + "-" + java.util.UUID.randomUUID() + "@example.org", "benchmark-password", "Ada",
                greenmail);
        return client;
    }

    record Invitation(String id, String name, String token) {
    }

    record Status(int code, String body) {
    }

    private static final java.util.regex.Pattern CONFIRMATION_LINK =
            java.util.regex.Pattern.compile("/verify-email/([A-Za-z0-9_-]+)");

    /**
     * Signs up (an existing account is left as it is) and signs in, keeping the bearer token. A new account signs in
     * once its address is confirmed: this opens the link mailed to it (read from GreenMail's API at
     * {@code greenmail}) and sends its form with the password, as a person would.
     */
    void signUpOrIn(String email, String password, String name, URI greenmail) {
        ObjectNode signup = JSON.createObjectNode().put("email", email).put("password", password).put("name", name);
        Status created = send(post("/api/v1/organizers", signup));
        if (created.code() != 201) { // a taken address is answered like a new one
            throw new IllegalStateException("signup failed: " + created);
        }
        ObjectNode credentials = JSON.createObjectNode().put("email", email).put("password", password);
        Status signedIn = send(post("/api/v1/auth/token", credentials));
        if (signedIn.code() == 401) { // a new account, or a wrong password: the confirmation's form tells which
            String link = GreenMailLinks.await(greenmail, email, CONFIRMATION_LINK, "address confirmation");
            expect(send(HttpRequest.newBuilder(core.resolve("/verify-email/" + link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("password=" + java.net.URLEncoder.encode(password,
                            java.nio.charset.StandardCharsets.UTF_8)))), 200);
            signedIn = send(post("/api/v1/auth/token", credentials));
        }
        token = json(expect(signedIn, 200)).get("accessToken").asText();
    }

    JsonNode events() {
        return json(expect(send(authorized(HttpRequest.newBuilder(core.resolve("/api/v1/events")).GET())), 200));
    }

    String createEvent(ObjectNode event) {
        return json(expect(send(post("/api/v1/events", event)), 201)).get("id").asText();
    }

    List<Invitation> invite(String eventId, List<String[]> guests) {
        ArrayNode list = JSON.createArrayNode();
        for (String[] g : guests) {
            list.addObject().put("name", g[0]).put("email", g[1]);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("guests", list);
        JsonNode created = json(expect(send(post("/api/v1/events/" + eventId + "/invitations", body)), 201));
        List<Invitation> result = new ArrayList<>();
        created.get("invitations").forEach(i ->
                result.add(new Invitation(i.get("id").asText(), i.get("name").asText(), i.get("token").asText())));
        return result;
    }

    /** Invites {@code n} guests by name ({@code namePrefix 0}, {@code namePrefix 1}, …), 5,000 per call; their tokens. */
    List<String> inviteNamed(String eventId, int n, String namePrefix) {
        List<String> tokens = new ArrayList<>(n);
        for (int from = 0; from < n; from += 5_000) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("guests");
            for (int i = from; i < Math.min(n, from + 5_000); i++) {
                list.addObject().put("name", namePrefix + " " + i);
            }
            json(expect(invite(eventId, body), 201)).get("invitations")
                    .forEach(invitation -> tokens.add(invitation.get("token").asText()));
        }
        return tokens;
    }

    /** A contacts file, as a browser's form uploads it. */
    Status importContacts(byte[] file, String filename) {
        return importContacts(file, filename, null);
    }

    /** A contacts file; every contact in it also lands on the list {@code list} (created if missing) unless null. */
    Status importContacts(byte[] file, String filename, String list) {
        String boundary = "inviteflow-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String path = "/api/v1/contacts/import" + (list == null ? ""
                : "?list=" + java.net.URLEncoder.encode(list, java.nio.charset.StandardCharsets.UTF_8));
        return send(authorized(HttpRequest.newBuilder(core.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** Any invitation request body; the answer as it came. */
    Status invite(String eventId, ObjectNode body) {
        return send(post("/api/v1/events/" + eventId + "/invitations", body));
    }

    Status open(String invitationToken, String userAgent) {
        return send(HttpRequest.newBuilder(core.resolve("/i/" + invitationToken)).header("User-Agent", userAgent).GET());
    }

    /** A guest's form post (a pick on the invitation page, a beacon with an empty form). */
    Status postForm(String path, String form) {
        return send(HttpRequest.newBuilder(core.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Status answer(String invitationToken, String response, int plusOnes) {
        ObjectNode body = JSON.createObjectNode().put("response", response).put("plusOnes", plusOnes);
        return send(post("/api/v1/invitations/" + invitationToken + "/rsvp", body));
    }

    /** A page open without blocking a thread: the burst's thousand guests need no thousand threads. */
    java.util.concurrent.CompletableFuture<Integer> openAsync(String invitationToken, String userAgent) {
        return http.sendAsync(HttpRequest.newBuilder(core.resolve("/i/" + invitationToken))
                                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(e -> -1);
    }

    /** The same answer without blocking a thread: the benchmark's open-loop load needs no thread per request. */
    java.util.concurrent.CompletableFuture<Integer> answerAsync(String invitationToken, String response, int plusOnes) {
        ObjectNode body = JSON.createObjectNode().put("response", response).put("plusOnes", plusOnes);
        return http.sendAsync(post("/api/v1/invitations/" + invitationToken + "/rsvp", body)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(e -> -1);
    }

    /** Any organizer call with a JSON body (or none for GET); the answer as it came. */
    Status call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(core.resolve(path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(authorized(request));
    }

    /** A guest's JSON call without blocking a thread (ticket orders and payments); the status and body. */
    java.util.concurrent.CompletableFuture<Status> postAsync(String path, JsonNode body) {
        return http.sendAsync(HttpRequest.newBuilder(core.resolve(path)).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Status(r.statusCode(), r.body()))
                .exceptionally(e -> new Status(-1, String.valueOf(e)));
    }

    /** Mails {@code email} an invitation to co-organize the event (the owner's call). */
    void inviteCoOrganizer(String eventId, String email) {
        expect(send(post("/api/v1/events/" + eventId + "/team/invitations", JSON.createObjectNode().put("email", email))),
                201);
    }

    /** Joins the team a mailed link invites to, with this client's account. */
    void joinTeam(String linkToken) {
        expect(send(post("/api/v1/team-invitations/" + linkToken + "/accept", JSON.createObjectNode())), 200);
    }

    JsonNode engagement(URI console, String eventId) {
        return json(expect(send(authorized(HttpRequest.newBuilder(
                console.resolve("/api/v1/events/" + eventId + "/engagement")).GET())), 200));
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return authorized(HttpRequest.newBuilder(core.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Status send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Status(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Status expect(Status status, int code) {
        if (status.code() != code) {
            throw new IllegalStateException("expected HTTP " + code + " but got " + status);
        }
        return status;
    }

    static JsonNode json(Status status) {
        try {
            return JSON.readTree(status.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
