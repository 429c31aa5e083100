package io.inviteflow.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.contract.ActivityType;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the organizers' API, found in the running application (not listed by hand, so a new one is tried
 * too), called with every method it takes: without a token (401), by another organizer on the first organizer's
 * things (never a success, never a 5xx: an insecure direct object reference would answer 2xx), by an organizer on
 * the services' internal API and on the admins' (refused), and by the owner on what they own (found: the ids are
 * real, so the refusals above are not about unknown ids).
 */
class AccessMatrixIT extends CoreIntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** What a new event has none of until the organizer sets it up (404 by design, also for the owner). */
    private static final java.util.Set<String> NOTHING_YET = java.util.Set.of(
            "/api/v1/events/{eventId}/ticket-settings", // tickets not on sale
            "/api/v1/events/{id}/forecast"); // no answer model promoted

    /** What a viewer may not read of their event: what hands out something to use. */
    private static final java.util.Set<String> VIEWER_CLOSED = java.util.Set.of(
            "/api/v1/events/{eventId}/discount-codes");

    /** What stays the owner's within an event: calling it off, and money (refunds, the sale's currency and fees). */
    private static final java.util.Set<String> OWNERS_OWN = java.util.Set.of("POST /api/v1/events/{id}/cancel",
            "POST /api/v1/events/{eventId}/orders/{orderId}/refunds", "PUT /api/v1/events/{eventId}/ticket-settings");

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String pattern) {
    }

    @Test
    void everyEndpointRefusesStrangersOtherOrganizersAndTheWrongRole() {
        var api = new Api(port);
        String owner = api.newOrganizerToken();
        String other = api.newOrganizerToken();
        Map<String, String> ids = fixture(api, owner);

        List<Endpoint> endpoints = organizerEndpoints();
        assertThat(endpoints).as("the organizers' API").hasSizeGreaterThan(60);
        List<String> wrong = new ArrayList<>();
        int ownerChecks = 0;
        int strangerChecks = 0;
        for (Endpoint e : endpoints) {
            String path = fill(e.pattern(), ids);
            int anonymous = call(api, e.method(), path, null);
            if (anonymous != 401) {
                wrong.add("no token: " + e + " -> " + anonymous);
            }
            int stranger = call(api, e.method(), path, other);
            boolean internal = e.pattern().startsWith("/api/v1/internal/");
            boolean admin = e.pattern().startsWith("/api/v1/admin/");
            if (internal || admin) {
                // internal: only service tokens, whose key differs from the organizers'; admin: the stored role
                if (internal ? stranger != 401 && stranger != 403 : stranger != 403) {
                    wrong.add("an organizer's token on " + e + " -> " + stranger);
                }
            } else if (hasOwnedId(path, ids)) {
                strangerChecks++;
                // without a body nothing but the owner check can refuse: it must be that refusal (not a 400 of
                // validation that came first and hides what the lookup would have done)
                boolean bodyless = e.method().equals("GET") || e.method().equals("DELETE");
                if (stranger < 400 || stranger >= 500 || bodyless && stranger != 403 && stranger != 404) {
                    wrong.add("another organizer: " + e + " " + path + " -> " + stranger);
                }
            }
            if (e.method().equals("GET") && !internal && !admin && VARIABLE.matcher(e.pattern()).find()
                    && everyVariableKnown(e.pattern(), ids) && !NOTHING_YET.contains(e.pattern())) {
                int own = call(api, "GET", path, owner);
                ownerChecks++;
                if (own != 200) {
                    wrong.add("the owner: GET " + path + " -> " + own);
                }
            }
        }
        assertThat(wrong).as("refusals that went wrong").isEmpty();
        assertThat(strangerChecks).as("endpoints tried on the owner's things by another organizer").isGreaterThan(40);
        assertThat(ownerChecks).as("endpoints the owner reads with real ids").isGreaterThan(15);
    }

    /**
     * The same endpoints by the owner's team: a co-organizer of one event reaches every endpoint of that event the
     * owner does (but its team, calling it off and money), and nothing of the owner's other event — also not through
     * the shared event's path with the other event's invitation, post or device; a viewer of that event reads what the
     * co-organizer reads but its discount codes and is refused every change (403, before any validation); marketing,
     * naming the owner in the organizer header, reads the campaigns, contacts and events, and is refused everything
     * else.
     */
    @Test
    void teamMembersReachWhatTheirRoleOpensAndNothingElse() {
        var api = new Api(port);
        String owner = api.newOrganizerToken();
        String ownerId = api.get("/api/v1/organizers/me", owner).json().get("id").asText();
        Map<String, String> shared = fixture(api, owner);
        Map<String, String> other = fixture(api, owner);
        String coOrganizer = api.newOrganizerToken();
        String marketer = api.newOrganizerToken();
        String viewer = api.newOrganizerToken();
        join(api, coOrganizer, ownerId, shared.get("eventId"), "CO_ORGANIZER");
        join(api, viewer, ownerId, shared.get("eventId"), "VIEWER");
        join(api, marketer, ownerId, null, "MARKETING");
        Map<String, String> crossed = new HashMap<>(other);
        crossed.put("eventId", shared.get("eventId"));

        List<String> wrong = new ArrayList<>();
        int coOrganizerReads = 0;
        int marketingReads = 0;
        int viewerChangesRefused = 0;
        for (Endpoint e : organizerEndpoints()) {
            if (e.pattern().startsWith("/api/v1/internal/") || e.pattern().startsWith("/api/v1/admin/")) {
                continue;
            }
            boolean eventScoped = e.pattern().startsWith("/api/v1/events/{") && !e.pattern().contains("/team")
                    && !OWNERS_OWN.contains(e.method() + " " + e.pattern());
            boolean readable = e.method().equals("GET") && everyVariableKnown(e.pattern(), shared)
                    && !NOTHING_YET.contains(e.pattern());
            boolean owned = hasOwnedId(fill(e.pattern(), shared), shared);
            if (eventScoped && readable) {
                coOrganizerReads++;
                String path = fill(e.pattern(), shared);
                expect(wrong, "co-organizer", e, path, call(api, e, shared, coOrganizer, null), 200);
                expect(wrong, "viewer", e, path, call(api, e, shared, viewer, null),
                        VIEWER_CLOSED.contains(e.pattern()) ? 403 : 200);
            } else if (owned) {
                if (!eventScoped) {
                    refused(wrong, "co-organizer", e, call(api, e, shared, coOrganizer, null));
                }
                int asViewer = call(api, e, shared, viewer, null);
                if (eventScoped && !e.method().equals("GET")) {
                    // the policy's own refusal, before the endpoint validates anything; 415 where the endpoint takes
                    // no JSON (an upload): the request reached no endpoint at all
                    if (asViewer != 403 && asViewer != 415) {
                        wrong.add("viewer: " + e + " -> " + asViewer);
                    }
                    viewerChangesRefused++;
                } else {
                    refused(wrong, "viewer", e, asViewer);
                }
            }
            if (hasOwnedId(fill(e.pattern(), other), other)) {
                refused(wrong, "co-organizer on the other event", e, call(api, e, other, coOrganizer, null));
            }
            if (eventScoped && VARIABLE.matcher(e.pattern()).results().count() > 1) {
                refused(wrong, "co-organizer, the other event's things via the shared", e,
                        call(api, e, crossed, coOrganizer, null));
            }
            boolean marketing = e.pattern().startsWith("/api/v1/campaigns") || e.pattern().startsWith("/api/v1/contact")
                    || e.method().equals("GET") && (e.pattern().equals("/api/v1/events")
                    || e.pattern().equals("/api/v1/events/{id}"));
            if (marketing && readable) {
                marketingReads++;
                expect(wrong, "marketing", e, fill(e.pattern(), shared), call(api, e, shared, marketer, ownerId), 200);
            } else if (!marketing && hasOwnedId(fill(e.pattern(), shared), shared)) {
                refused(wrong, "marketing", e, call(api, e, shared, marketer, ownerId));
            }
        }
        assertThat(wrong).as("team access that went wrong").isEmpty();
        assertThat(coOrganizerReads).as("event endpoints a co-organizer read").isGreaterThan(15);
        assertThat(marketingReads).as("endpoints marketing read").isGreaterThanOrEqualTo(3);
        assertThat(viewerChangesRefused).as("changes a viewer was refused").isGreaterThan(20);
    }

    private static void expect(List<String> wrong, String who, Endpoint e, String path, int status, int expected) {
        if (status != expected) {
            wrong.add(who + ": " + e + " " + path + " -> " + status);
        }
    }

    /** Never a success, never a 5xx; without a body, the access check's own refusal. */
    private static void refused(List<String> wrong, String who, Endpoint e, int status) {
        boolean bodyless = e.method().equals("GET") || e.method().equals("DELETE");
        if (status < 400 || status >= 500 || bodyless && status != 403 && status != 404) {
            wrong.add(who + ": " + e + " -> " + status);
        }
    }

    private void join(Api api, String memberToken, String ownerId, String eventId, String role) {
        String memberId = api.get("/api/v1/organizers/me", memberToken).json().get("id").asText();
        jdbc.sql("INSERT INTO team_member (owner_id, member_id, event_id, role, added_at) "
                        + "VALUES (:owner::uuid, :member::uuid, :event::uuid, :role, now())")
                .param("owner", ownerId).param("member", memberId).param("event", eventId).param("role", role)
                .update();
    }

    private static int call(Api api, Endpoint e, Map<String, String> ids, String token, String organizer) {
        String path = fill(e.pattern(), ids);
        return api.exchange(path, request -> {
            HttpRequest.Builder b = request.method(e.method(), e.method().equals("GET") || e.method().equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
            return organizer == null ? b : b.header("Inviteflow-Organizer", organizer);
        }).status();
    }

    /**
     * Every /api/v1 endpoint except the public ones (sign-up, sign-in, asking for a new password, guests' answers by
     * token, the templates).
     */
    private List<Endpoint> organizerEndpoints() {
        var endpoints = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/invitations/{token}")
                        || pattern.startsWith("/api/v1/templates") || pattern.equals("/api/v1/organizers")
                        || pattern.startsWith("/api/v1/auth/token") || pattern.equals("/api/v1/auth/password-reset")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        });
        return endpoints.stream().map(s -> new Endpoint(s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1)))
                .toList();
    }

    /**
     * The owner's things, by path variable name ({@code id} after "events" is an event, and so on); a variable this
     * fixture has nothing for gets a random id.
     */
    private Map<String, String> fixture(Api api, String owner) {
        Map<String, String> ids = new HashMap<>();
        String event = api.newEvent(owner, "Matrix party");
        ids.put("eventId", event);
        JsonNode guest = api.invite(owner, event, "Ada").get(0);
        ids.put("invitationId", guest.get("id").asText());
        assertThat(api.postForm("/i/" + guest.get("token").asText() + "/wall", "body=Hello").status()).isEqualTo(303);
        JsonNode wall = api.get("/api/v1/events/" + event + "/wall", owner).json();
        ids.put("postId", wall.findValue("id").asText());
        api.upload("/api/v1/contacts/import?list=Friends", owner, "friends.csv",
                "First Name,E-mail Address\nGrace,grace-matrix@example.org\n".getBytes(StandardCharsets.UTF_8));
        ids.put("listId", api.get("/api/v1/contact-lists", owner).json().get(0).get("id").asText());
        ids.put("contactId", api.get("/api/v1/contacts", owner).json().get("contacts").get(0).get("id").asText());
        ids.put("campaignId", api.post("/api/v1/campaigns", owner, """
                {"name":"Matrix","segment":{"eventIds":["%s"]},"subject":"Hi","message":"{link}","channels":["EMAIL"]}"""
                .formatted(event)).json().get("id").asText());
        ids.put("webhookId", api.post("/api/v1/webhooks", owner, "{\"url\":\"https://example.org/hook\",\"types\":[\"%s\"]}"
                .formatted(ActivityType.RSVP_ANSWERED)).json().get("id").asText());
        ids.put("deviceId", api.post("/api/v1/events/" + event + "/check-in-devices", owner, "{\"name\":\"Door\"}")
                .json().at("/device/id").asText());
        ids.values().forEach(id -> assertThat(id).as("fixture ids %s", ids).hasSize(36));
        return ids;
    }

    private static String fill(String pattern, Map<String, String> ids) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(idFor(pattern, m, ids)));
        }
        return m.appendTail(path).toString();
    }

    private static boolean everyVariableKnown(String pattern, Map<String, String> ids) {
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            if (!ids.containsKey(key(pattern, m))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOwnedId(String path, Map<String, String> ids) {
        return ids.values().stream().anyMatch(path::contains);
    }

    private static String idFor(String pattern, Matcher m, Map<String, String> ids) {
        return ids.getOrDefault(key(pattern, m), UUID.randomUUID().toString());
    }

    /** {@code id} names what the segment before it names: /events/{id} is an eventId. */
    private static String key(String pattern, Matcher m) {
        String name = m.group(1);
        if (!name.equals("id")) {
            return name;
        }
        String before = pattern.substring(0, m.start());
        String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (segment) {
            case "events" -> "eventId";
            case "campaigns" -> "campaignId";
            case "webhooks" -> "webhookId";
            default -> segment + "Id";
        };
    }

    private static int call(Api api, String method, String path, String token) {
        return api.exchange(path, request -> {
            HttpRequest.Builder b = request.method(method, method.equals("GET") || method.equals("DELETE")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json");
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }).status();
    }
}
