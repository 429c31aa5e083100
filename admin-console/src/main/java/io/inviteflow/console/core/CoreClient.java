package io.inviteflow.console.core;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The one place that speaks the core's documented HTTP API:
 * {@code POST /api/v1/auth/token}, {@code GET /api/v1/events}, {@code GET /api/v1/events/{id}}.
 *
 * <p>Every method either returns the core's answer or throws one of the nested exceptions:
 * {@link Unauthorized} (401, or 400 on the token endpoint), {@link NotFound} (404) or {@link Unavailable}
 * (anything else: connection refused, timeout, 5xx, unexpected status).
 */
@Component
public class CoreClient {

    /** Names the organizer a team member works for (the core's TeamPolicy). */
    public static final String ORGANIZER_HEADER = "Inviteflow-Organizer";
    private final RestClient rest;
    private final String coreUrl;

    @org.springframework.beans.factory.annotation.Autowired
    public CoreClient(RestClient.Builder builder, CoreProperties properties) {
        // JDK client, not HttpURLConnection: the latter throws on a 401 to a streamed POST instead of returning it.
        // HTTP/1.1: the JDK's default h2c upgrade attempt breaks POSTs with a body on some servers (WireMock's Jetty).
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        this.coreUrl = properties.url().toString();
        this.rest = builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory)
                .requestInterceptor(new ForwardedClientAddress())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    int status = response.getStatusCode().value();
                    switch (status) {
                        case 401 -> throw new Unauthorized(secondFactorChallenge(response));
                        case 404 -> throw new NotFound();
                        // 403: not the account's to do (a viewer's change, an admin's page); 429: a sign-in address
                        // locked after failures, or too many attempts from the console
                        case 400, 403, 409, 413, 415, 422, 429 -> throw new Refused(status, problemDetail(response));
                        default -> throw new Unavailable("core answered " + status + " to " + request.getURI().getPath(), status, null);
                    }
                })
                .build();
    }

    /** Exchanges an organizer's credentials for a bearer token. */
    public String issueToken(String email, String password) {
        TokenResponse token = call(() -> {
            try {
                return rest.post().uri("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("email", email, "password", password))
                        .retrieve()
                        .body(TokenResponse.class);
            } catch (Refused e) {
                // A 400 here means the core rejected the credentials' shape (e.g. not an email): same as wrong ones.
                if (e.status() == 400) {
                    throw new Unauthorized();
                }
                throw e;
            }
        });
        return accessTokenOf(token);
    }

    /**
     * Answers the core's second-factor challenge (from {@link Unauthorized#secondFactorChallenge()}) with a code of the
     * organizer's authenticator app, or a recovery code, for a bearer token.
     */
    public String answerSecondFactor(String challenge, String code) {
        TokenResponse token = call(() -> rest.post().uri("/api/v1/auth/token/second-factor")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("challenge", challenge, "code", code))
                .retrieve()
                .body(TokenResponse.class));
        return accessTokenOf(token);
    }

    /** The signed-in organizer's account (its id keys the organizer-wide figures of the streaming job). */
    public CoreOrganizer me(String accessToken) {
        return call(() -> rest.get().uri("/api/v1/organizers/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .body(CoreOrganizer.class));
    }

    /** The organizer's own events, in the core's order. */
    public List<CoreEvent> events(String accessToken) {
        List<CoreEvent> events = call(() -> rest.get().uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .body(new ParameterizedTypeReference<List<CoreEvent>>() {
                }));
        return events == null ? List.of() : events;
    }

    /** The event's headcount forecast; empty while no answer model is promoted (the core's 404). */
    public java.util.Optional<CoreForecast> forecast(String accessToken, UUID eventId) {
        try {
            return java.util.Optional.ofNullable(call(() -> rest.get().uri("/api/v1/events/{id}/forecast", eventId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .retrieve().body(CoreForecast.class)));
        } catch (NotFound e) {
            return java.util.Optional.empty();
        }
    }

    /** One event; {@link NotFound} also when it belongs to another organizer (the core does not tell them apart). */
    public CoreEvent event(String accessToken, UUID id) {
        CoreEvent event = call(() -> rest.get().uri("/api/v1/events/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve()
                .body(CoreEvent.class));
        if (event == null) {
            throw new Unavailable("core sent an empty body for event " + id, 0, null);
        }
        return event;
    }

    /** The organizer's address book: a page by name, optionally searched and limited to one list. */
    public CoreContacts.Page contacts(String accessToken, String query, UUID listId, int offset, int limit) {
        return call(() -> rest.get().uri(uri -> uri.path("/api/v1/contacts").queryParam("offset", offset)
                        .queryParam("limit", limit).queryParamIfPresent("q", java.util.Optional.ofNullable(query)
                                .filter(q -> !q.isBlank()))
                        .queryParamIfPresent("list", java.util.Optional.ofNullable(listId)).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(CoreContacts.Page.class));
    }

    public List<CoreContacts.ContactList> contactLists(String accessToken) {
        List<CoreContacts.ContactList> lists = call(() -> rest.get().uri("/api/v1/contact-lists")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(new ParameterizedTypeReference<List<CoreContacts.ContactList>>() {
                }));
        return lists == null ? List.of() : lists;
    }

    public CoreContacts.ContactList createContactList(String accessToken, String name) {
        return call(() -> rest.post().uri("/api/v1/contact-lists")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name))
                .retrieve().body(CoreContacts.ContactList.class));
    }

    /** Uploads a contacts file as the core's import endpoint takes it (multipart field {@code file}). */
    public CoreContacts.ImportReport importContacts(String accessToken, String filename, byte[] content,
                                                    String listName) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return call(() -> rest.post().uri(uri -> uri.path("/api/v1/contacts/import").queryParamIfPresent("list",
                                java.util.Optional.ofNullable(listName).filter(l -> !l.isBlank())).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(CoreContacts.ImportReport.class));
    }

    /** An event's guest list, filtered by answer ({@code YES}, {@code NONE}…) and attendance. */
    public CoreGuests.GuestList guests(String accessToken, UUID eventId, String response, String attendance) {
        return call(() -> rest.get().uri(uri -> uri.path("/api/v1/events/{id}/guests").queryParam("limit", 1000)
                        .queryParamIfPresent("response", java.util.Optional.ofNullable(response))
                        .queryParamIfPresent("attendance", java.util.Optional.ofNullable(attendance)).build(eventId))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(CoreGuests.GuestList.class));
    }

    /** The guest list as the core exports it: CSV, one row per person. */
    public byte[] guestsCsv(String accessToken, UUID eventId) {
        return call(() -> rest.get().uri("/api/v1/events/{id}/guests.csv", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .accept(MediaType.parseMediaType("text/csv"), MediaType.APPLICATION_PROBLEM_JSON)
                .retrieve().body(byte[].class));
    }

    public List<CoreGuests.Question> questions(String accessToken, UUID eventId) {
        List<CoreGuests.Question> questions = call(() -> rest.get().uri("/api/v1/events/{id}/questions", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(new ParameterizedTypeReference<List<CoreGuests.Question>>() {
                }));
        return questions == null ? List.of() : questions;
    }

    /** Replaces the event's questions; questions sent with their id keep their answers. */
    public List<CoreGuests.Question> replaceQuestions(String accessToken, UUID eventId,
                                                      List<CoreGuests.Question> questions) {
        return call(() -> rest.put().uri("/api/v1/events/{id}/questions", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("questions", questions))
                .retrieve().body(new ParameterizedTypeReference<List<CoreGuests.Question>>() {
                }));
    }

    /**
     * Invites a contact list to an event, each guest with the message personalised (merge fields such as
     * {@code {firstName}}); returns how many invitations were issued.
     */
    public int inviteContactList(String accessToken, UUID eventId, UUID listId, String message) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("contactListId", listId);
        if (message != null && !message.isBlank()) {
            body.put("message", message);
        }
        com.fasterxml.jackson.databind.JsonNode issued = call(() -> rest.post()
                .uri("/api/v1/events/{id}/invitations", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(com.fasterxml.jackson.databind.JsonNode.class));
        return issued == null ? 0 : issued.path("invitations").size();
    }

    /** The invitation page as a guest named {@code name} would see it, with this message; nothing is stored. */
    public String previewInvitation(String accessToken, UUID eventId, String name, String message) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        if (message != null && !message.isBlank()) {
            body.put("message", message);
        }
        String html = call(() -> rest.post().uri("/api/v1/events/{id}/invitations/preview", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(String.class));
        // the page links its artwork relative to the core: shown inside the console, it needs the core as its base
        return html == null ? "" : html.replaceFirst("<head>",
                "<head><base href=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(coreUrl) + "/\">");
    }

    /** Uploads an image or video to the event; the core answers with its URLs. */
    public com.fasterxml.jackson.databind.JsonNode uploadMedia(String accessToken, UUID eventId, String filename,
                                                               byte[] content) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return call(() -> rest.post().uri("/api/v1/events/{id}/media", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(com.fasterxml.jackson.databind.JsonNode.class));
    }

    public List<com.fasterxml.jackson.databind.JsonNode> media(String accessToken, UUID eventId) {
        com.fasterxml.jackson.databind.JsonNode list = call(() -> rest.get().uri("/api/v1/events/{id}/media", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(com.fasterxml.jackson.databind.JsonNode.class));
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        if (list != null) {
            list.forEach(out::add);
        }
        return out;
    }

    /** The template catalogue (public in the core, so no token). */
    public List<CoreTemplate> templates() {
        List<CoreTemplate> templates = call(() -> rest.get().uri("/api/v1/templates").retrieve()
                .body(new ParameterizedTypeReference<List<CoreTemplate>>() {
                }));
        return templates == null ? List.of() : templates;
    }

    /** Creates an event from the fields the organizer filled in (the core fills the rest from the template). */
    public CoreEvent createEvent(String accessToken, Map<String, Object> fields) {
        return call(() -> rest.post().uri("/api/v1/events")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(fields)
                .retrieve().body(CoreEvent.class));
    }

    /** Changes the given fields; the core tells the guests what they see changed. */
    public CoreEvent updateEvent(String accessToken, UUID eventId, Map<String, Object> changes) {
        return call(() -> rest.patch().uri("/api/v1/events/{id}", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(changes)
                .retrieve().body(CoreEvent.class));
    }

    public CoreEvent cancelEvent(String accessToken, UUID eventId, String reason) {
        return call(() -> rest.post().uri("/api/v1/events/{id}/cancel", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason == null ? "" : reason))
                .retrieve().body(CoreEvent.class));
    }

    public CoreWall.GuestOptions guestOptions(String accessToken, UUID eventId) {
        return call(() -> rest.get().uri("/api/v1/events/{id}/guest-options", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(CoreWall.GuestOptions.class));
    }

    public CoreWall.GuestOptions saveGuestOptions(String accessToken, UUID eventId, CoreWall.GuestOptions options) {
        return call(() -> rest.put().uri("/api/v1/events/{id}/guest-options", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON).body(options)
                .retrieve().body(CoreWall.GuestOptions.class));
    }

    /** The wall's newest posts, hidden ones included. */
    public List<CoreWall.Post> wall(String accessToken, UUID eventId) {
        List<CoreWall.Post> posts = call(() -> rest.get().uri("/api/v1/events/{id}/wall", eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().body(new ParameterizedTypeReference<List<CoreWall.Post>>() {
                }));
        return posts == null ? List.of() : posts;
    }

    /**
     * One moderation call: {@code POST …/wall/posts/{id}/hide}, {@code DELETE …/wall/comments/{id}},
     * {@code PUT …/wall/bans/{invitationId}} and so on, by method and the path under the event's wall.
     */
    public void moderate(String accessToken, UUID eventId, org.springframework.http.HttpMethod method, String path) {
        call(() -> rest.method(method).uri("/api/v1/events/{id}/wall/" + path, eventId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .retrieve().toBodilessEntity());
    }

    /** The challenge of a 401 that asks for a second factor; null for any other 401. */
    private static String secondFactorChallenge(org.springframework.http.client.ClientHttpResponse response) {
        try {
            var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
            return problem.path("secondFactorRequired").asBoolean(false) && problem.hasNonNull("challenge")
                    ? problem.get("challenge").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String problemDetail(org.springframework.http.client.ClientHttpResponse response) {
        try {
            var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
            return problem.path("detail").asText("the core refused the request");
        } catch (java.io.IOException e) {
            return "the core refused the request";
        }
    }

    private CoreClient(RestClient rest, String coreUrl) {
        this.rest = rest;
        this.coreUrl = coreUrl;
    }

    /**
     * The same client working for another organizer, as a member of their marketing team: every call names them in
     * the core's {@value #ORGANIZER_HEADER} header, and the core answers as it would them for the campaigns,
     * contacts and events, and refuses the rest (403) unless the signed-in person is on that team.
     */
    public CoreClient workingFor(UUID organizerId) {
        return new CoreClient(rest.mutate().defaultHeader(ORGANIZER_HEADER, organizerId.toString()).build(), coreUrl);
    }

    /** The configured client, for the other clients of this package (one feature's calls each). */
    RestClient rest() {
        return rest;
    }

    static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (CoreException e) {
            throw e;
        } catch (ResourceAccessException e) {
            throw new Unavailable("core unreachable: " + e.getMessage(), 0, e);
        } catch (RestClientException e) {
            throw new Unavailable("core answer unreadable: " + e.getMessage(), 0, e);
        }
    }

    record TokenResponse(String accessToken) {
    }

    /** The token of a sign-in's answer; {@link Unavailable} when the core sent none. */
    static String accessTokenOf(TokenResponse token) {
        if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
            throw new Unavailable("core sent no accessToken", 0, null);
        }
        return token.accessToken();
    }

    /** Base of what the core can answer besides success. */
    public abstract static sealed class CoreException extends RuntimeException
            permits Unauthorized, NotFound, Refused, Unavailable {
        CoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Wrong credentials, or a missing, invalid or expired token. */
    public static final class Unauthorized extends CoreException {
        private final String secondFactorChallenge;

        Unauthorized() {
            this(null);
        }

        Unauthorized(String secondFactorChallenge) {
            super(secondFactorChallenge == null ? "core answered 401" : "core asks for a second factor", null);
            this.secondFactorChallenge = secondFactorChallenge;
        }

        /** The password was right and the account has two-factor sign-in: answer this with a code; else null. */
        public String secondFactorChallenge() {
            return secondFactorChallenge;
        }
    }

    /** No such event for this organizer. */
    public static final class NotFound extends CoreException {
        NotFound() {
            super("core answered 404", null);
        }
    }

    /** The core refused the input (400, 409, 413, 415, 422); {@link #getMessage()} is its problem's detail. */
    public static final class Refused extends CoreException {
        private final int status;

        Refused(int status, String detail) {
            super(detail, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The core could not be asked, or answered something outside its contract. */
    public static final class Unavailable extends CoreException {
        private final int status;

        Unavailable(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status the core answered, or 0 when there was no usable answer. */
        public int status() {
            return status;
        }
    }
}
