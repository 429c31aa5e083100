package io.inviteflow.batch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inviteflow.testsupport.AddressConfirmations;
import io.inviteflow.testsupport.CoreUnderTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The core's public API as a mobile app calls it (same calls as the core's own test {@code Api}). */
public final class CoreApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public CoreApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An invited guest as the core answered: id, token and personal link; email may be null. */
    public record Invited(UUID invitationId, String token, String link, String name, String email) {
    }

    /** Signs up a fresh organizer, confirms its address through the mailed link, and returns its bearer token. */
    public String newOrganizerToken() {
        String email = "org-" + UUID.randomUUID() + "@example.org";
        post("/api/v1/organizers", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\",\"name\":\"Ada\"}".formatted(email));
        AddressConfirmations.confirm(base, email, "correct horse");
        return post("/api/v1/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"correct horse\"}".formatted(email)).get("accessToken").asText();
    }

    /** A token of the core's admin ({@code CoreUnderTest.ADMIN}), signed up and confirmed on first use. */
    public String adminToken() {
        String account = "{\"email\":\"%s\",\"password\":\"correct horse\"%s}";
        // once signed up, answered alike (the core mails the owner instead)
        post("/api/v1/organizers", null, account.formatted(CoreUnderTest.ADMIN, ",\"name\":\"Admin\""));
        try {
            return post("/api/v1/auth/token", null, account.formatted(CoreUnderTest.ADMIN, "")).get("accessToken")
                    .asText();
        } catch (AssertionError waitingForItsAddress) { // the first use
            AddressConfirmations.confirm(base, CoreUnderTest.ADMIN, "correct horse");
            return post("/api/v1/auth/token", null, account.formatted(CoreUnderTest.ADMIN, "")).get("accessToken")
                    .asText();
        }
    }

    /** An event on 12 June 2027, 18:00 Europe/Berlin. */
    public UUID newEvent(String token, String title) {
        return UUID.fromString(post("/api/v1/events", token, """
                {"title":"%s","startsAt":"2027-06-12T18:00:00+02:00","timeZone":"Europe/Berlin",
                 "venue":{"name":"Kulturbrauerei","address":"Schönhauser Allee 36, Berlin","lat":52.5390,"lon":13.4128},
                 "template":"birthday"}""".formatted(title)).get("id").asText());
    }

    /** Invites the guests (email null = no email) in one request, in order. */
    public List<Invited> invite(String token, UUID eventId, List<String> names, List<String> emails) {
        return invite(token, eventId, names, emails, java.util.Collections.nCopies(names.size(), null));
    }

    /** As above, with phone numbers (null = none). */
    public List<Invited> invite(String token, UUID eventId, List<String> names, List<String> emails,
                                List<String> phones) {
        var guests = JSON.createArrayNode();
        for (int i = 0; i < names.size(); i++) {
            var guest = guests.addObject().put("name", names.get(i));
            if (emails.get(i) != null) {
                guest.put("email", emails.get(i));
            }
            if (phones.get(i) != null) {
                guest.put("phone", phones.get(i));
            }
        }
        String body = JSON.createObjectNode().set("guests", guests).toString();
        JsonNode invited = post("/api/v1/events/" + eventId + "/invitations", token, body).get("invitations");
        List<Invited> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode one = invited.get(i);
            result.add(new Invited(UUID.fromString(one.get("id").asText()), one.get("token").asText(),
                    one.get("link").asText(), names.get(i), emails.get(i)));
        }
        return result;
    }

    /** Any organizer call with a JSON body, e.g. a change of an event; returns the answer's JSON. */
    public JsonNode send(String method, String path, String token, String json) {
        return call(method, path, token, json);
    }

    /** Fails on any status of 300 or more, with the core's answer in the message. */
    private JsonNode call(String method, String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An email campaign to every guest of the event ("Hello {firstName}", the link), scheduled for now; its id. */
    public String emailCampaignNow(String token, UUID eventId, String name) {
        String id = send("POST", "/api/v1/campaigns", token, """
                {"name":"%s","segment":{"eventIds":["%s"]},"subject":"Hello {firstName}","message":"{link}",
                 "channels":["EMAIL"]}""".formatted(name, eventId)).get("id").asText();
        send("POST", "/api/v1/campaigns/" + id + "/schedule", token, "{}");
        return id;
    }

    public void answer(Invited guest, String response) {
        post("/api/v1/invitations/" + guest.token() + "/rsvp", null, "{\"response\":\"" + response + "\"}");
    }

    private JsonNode post(String path, String token, String json) {
        return call("POST", path, token, json);
    }
}
