package io.inviteflow.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.testsupport.AddressConfirmations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A plain HTTP client for the public API, so tests see exactly what a mobile app would. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response with its body parsed as JSON where it is JSON. */
    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Response post(String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(authorized(request, token));
    }

    public Response put(String path, String token, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token));
    }

    public Response patch(String path, String token, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), token));
    }

    public Response postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart/form-data upload of one file in the field {@code file}, as a browser form sends it. */
    public Response upload(String path, String token, String filename, byte[] content) {
        String boundary = "inviteflow-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(authorized(request, token));
    }

    public Response delete(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token));
    }

    public Response get(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET(), token));
    }

    public Response getAs(String path, String userAgent) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent).GET());
    }

    /** Signs up a fresh organizer, confirms its address, and returns its bearer token. */
    public String newOrganizerToken() {
        String email = "org-" + UUID.randomUUID() + "@example.org";
        signUpConfirmed(email, "correct horse", "Ada");
        return signIn(email, "correct horse");
    }

    /** A token of the admin ({@link CoreIntegrationTest#ADMIN}), signed up and confirmed on first use. */
    public String adminToken() {
        post("/api/v1/organizers", null, "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Admin\"}"
                .formatted(CoreIntegrationTest.ADMIN)); // once signed up: answered alike, the owner mailed
        Response signedIn = post("/api/v1/auth/token", null, credentials(CoreIntegrationTest.ADMIN, "correct horse"));
        if (signedIn.status() == 401) { // the first use: the address waits for its confirmation
            confirmAddress(CoreIntegrationTest.ADMIN, "correct horse");
            return signIn(CoreIntegrationTest.ADMIN, "correct horse");
        }
        return signedIn.json().get("accessToken").asText();
    }

    /** Signs up, then confirms the address through the link mailed to it, as a new organizer does to sign in. */
    public void signUpConfirmed(String email, String password, String name) {
        Response signup = post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"%s\"}".formatted(email, password, name));
        if (signup.status() != 201) {
            throw new AssertionError("signup failed: " + signup.body());
        }
        confirmAddress(email, password);
    }

    /** Sends the form of the newest confirmation link mailed to {@code email} with the account's password. */
    public void confirmAddress(String email, String password) {
        AddressConfirmations.confirm(base, email, password);
    }

    /** The bearer token of a sign-in that must work. */
    public String signIn(String email, String password) {
        Response signedIn = post("/api/v1/auth/token", null, credentials(email, password));
        if (signedIn.status() != 200) {
            throw new AssertionError("sign-in of " + email + " failed: " + signedIn.body());
        }
        return signedIn.json().get("accessToken").asText();
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
    }

    /** Invites guests by name only; the {@code invitations} array the API answered ({@code id, token, link, …}). */
    public JsonNode invite(String organizerToken, String eventId, String... names) {
        StringBuilder guests = new StringBuilder();
        for (String name : names) {
            guests.append(guests.isEmpty() ? "" : ",").append("{\"name\":\"").append(name).append("\"}");
        }
        Response invited = post("/api/v1/events/" + eventId + "/invitations", organizerToken,
                "{\"guests\":[" + guests + "]}");
        if (invited.status() != 201) {
            throw new AssertionError("invitation failed: " + invited.body());
        }
        return invited.json().get("invitations");
    }

    /** The wall's form as a browser sends it: text and a file in multipart/form-data. */
    public Response wallPost(String token, String text, String filename, byte[] content) {
        String boundary = "wall-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + text
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange("/i/" + token + "/wall", r -> r
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Creates an event for the organizer and returns its id. */
    public String newEvent(String token, String title) {
        Response created = post("/api/v1/events", token, """
                {"title":"%s","startsAt":"2027-06-12T18:00:00+02:00","timeZone":"Europe/Berlin",
                 "venue":{"name":"Kulturbrauerei","address":"Schönhauser Allee 36, Berlin","lat":52.5390,"lon":13.4128},
                 "template":"birthday"}""".formatted(title));
        if (created.status() != 201) {
            throw new AssertionError("event creation failed: " + created.body());
        }
        return created.json().get("id").asText();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** A request built by the test (its own headers, method and body) against this core. */
    public Response exchange(String path, java.util.function.UnaryOperator<HttpRequest.Builder> build) {
        return send(build.apply(HttpRequest.newBuilder(URI.create(base + path))));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
